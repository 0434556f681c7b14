using System.Diagnostics;
using System.Net;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Operations;

/// <summary>
/// Issue 20 item 3: a full disk on upload. The evidence folder is a real 256 KB tmpfs, filled before the upload,
/// so the write fails with "no space left on device" as it would in production. The provider is told plainly,
/// what they typed is kept, and nothing is half-written (no passport item, no file). Mounting needs root (as in CI);
/// elsewhere the test is skipped with that reason.
/// </summary>
public sealed class FullDiskTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _mount = Directory.CreateTempSubdirectory("portal-full-").FullName;
    private PortalFactory? _portal;

    public async ValueTask InitializeAsync()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !await RunAsync("mount", $"-t tmpfs -o size=256k tmpfs {_mount}"))
        {
            Assert.Skip("Needs root to mount a small tmpfs (./test.sh in CI runs as root).");
        }
        _portal = new PortalFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Storage:EvidencePath"] = _mount,
            ["Email:DispatcherEnabled"] = "false",
        });
        _portal.EnsureStarted();
    }

    public async ValueTask DisposeAsync()
    {
        if (_portal is not null) await _portal.DisposeAsync();
        await RunAsync("umount", _mount);
        Directory.Delete(_mount, recursive: true);
    }

    [Fact]
    public async Task An_upload_to_a_full_disk_is_refused_plainly_and_nothing_is_half_written()
    {
        var portal = _portal!;
        await File.WriteAllBytesAsync(Path.Combine(_mount, "filler"), new byte[250 * 1024], Ct); // leaves a few KB

        var (email, providerId) = await portal.CreateProviderUserAsync(ProviderKind.PersonalAssistant);
        using var client = await portal.SignedInProviderAsync(email);
        var form = await client.GetPageAsync("/provider/passport/item");
        var pdf = new byte[64 * 1024];
        ProviderTestData.MinimalPdf("PVG certificate").CopyTo(pdf, 0);
        var response = await client.PostMultipartAsync(form, [("Kind", "Pvg"), ("Number", "1111222233334444")], "Evidence", "pvg.pdf", pdf);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.Page.ReadAsync(response);
        Assert.Contains("the portal's file storage is full", page.Text);
        Assert.Contains("Nothing has been saved", page.Text);
        Assert.Equal("1111222233334444", page.Document.QuerySelector("[name=Number]")?.GetAttribute("value")); // what they typed is kept
        Assert.Equal(0, await portal.WithDbAsync(db => db.PassportItems.CountAsync(i => i.ProviderId == providerId, Ct)));
        Assert.Equal(["filler"], Directory.GetFiles(_mount).Select(Path.GetFileName)); // no partial file left behind
    }

    private static async Task<bool> RunAsync(string command, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await process.WaitForExitAsync();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
