namespace Rampart.Services.Tests;
