namespace Rampart.Core.Tests;
