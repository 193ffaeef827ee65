namespace Rampart.Ingest.Tests;
