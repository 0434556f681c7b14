using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>"Redis" section: a shared cache for several portal nodes. Empty: each node caches in memory.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key the portal writes, so several portals can share one Redis.</summary>
    public string InstanceName { get; set; } = "portal:";
}

/// <summary>"Proxy" section: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of the proxies (loopback is always trusted).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// What lets several stateless portal nodes run behind a reverse proxy on one database (ADR 0015):
/// data-protection keys in the database (so a cookie from one node works on another), a distributed
/// cache and output cache on Redis when <c>Redis:Configuration</c> is set, forwarded headers from known
/// proxies, and the two health endpoints a load balancer asks: <c>/health/live</c> (the process answers)
/// and <c>/health/ready</c> (the database and, when configured, Redis answer). Background work (outbox,
/// process timers, the passport expiry job) claims each item in the database (a lease, or the item's
/// version), so any number of nodes handle each item once.
/// </summary>
public static class ScaleOut
{
    public const string ReadyTag = "ready";
    public const string ReferenceDataCachePolicy = "reference-data";

    public static WebApplicationBuilder AddPortalScaleOut(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var proxy = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var address in proxy.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });

        var redis = builder.Configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        services.AddOutputCache(o =>
        {
            // Reference lists (taxonomies, localities) change only when a recipe runs: five minutes is fresh enough.
            o.AddPolicy(ReferenceDataCachePolicy, p => p.Expire(TimeSpan.FromMinutes(5)).Tag(ReferenceDataCachePolicy));
        });
        var health = services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: [ReadyTag]);
        if (!string.IsNullOrWhiteSpace(redis.Configuration))
        {
            var configuration = ConfigurationOptions.Parse(redis.Configuration);
            configuration.AbortOnConnectFail = false; // a node starts while Redis restarts; readiness says so
            // One connection for the node: the cache, the output cache and the health check share it.
            var connection = new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(configuration));
            services.AddSingleton(_ => connection.Value.GetAwaiter().GetResult());
            services.AddStackExchangeRedisCache(o =>
            {
                o.InstanceName = redis.InstanceName;
                o.ConnectionMultiplexerFactory = () => connection.Value;
            });
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.InstanceName = redis.InstanceName;
                o.ConnectionMultiplexerFactory = () => connection.Value;
            });
            health.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        }
        else
        {
            services.AddDistributedMemoryCache();
        }
        return builder;
    }

    public static WebApplication MapPortalHealth(this WebApplication app, Func<HttpContext, HealthReport, Task> writer)
    {
        app.MapHealthChecks("/health", new() { ResponseWriter = writer });
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false, ResponseWriter = writer });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = writer });
        return app;
    }
}

/// <summary>Redis answers a PING.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.#} ms");
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", e);
        }
    }
}
