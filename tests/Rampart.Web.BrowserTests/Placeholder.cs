namespace Rampart.Web.BrowserTests;
