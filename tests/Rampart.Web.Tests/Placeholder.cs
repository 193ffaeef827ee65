namespace Rampart.Web.Tests;
