global using System.Net;
global using Microsoft.Extensions.DependencyInjection;
global using Pynsights.Api.Tests.Infrastructure;
