using CommissioningPortal.Web.Infrastructure;

if (await PortalCommands.TryRunAsync(args)) return;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
app.MapPortal();
await app.InitialisePortalAsync();
await app.RunAsync();

/// <summary>Entry point; public so tests can host the real app.</summary>
public partial class Program;
