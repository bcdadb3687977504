global using System.Net;
global using Pynsights.Api.Tests.Infrastructure;
