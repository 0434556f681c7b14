using CommissioningPortal.Tests.Infrastructure;

namespace CommissioningPortal.EndToEnd.Infrastructure;

/// <summary>
/// A portal for one test class alone (<c>IClassFixture&lt;ClassPortal&gt;</c>, then override
/// <see cref="BrowserTest.Portal"/>): for tests that sign demo users out — which ends every session of
/// the account — or that count what the demo data shows while other classes add to it.
/// </summary>
public sealed class ClassPortal() : PortalFactory(DatabaseKind.Sqlite)
{
    public PortalFactory Started()
    {
        EnsureStarted();
        return this;
    }
}
