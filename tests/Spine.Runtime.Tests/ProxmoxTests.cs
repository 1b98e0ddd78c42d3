using System;
using System.Linq;
using Spine.Runtime.Proxmox;
using Xunit;

namespace Spine.Runtime.Tests;

public class ProxmoxTests
{
    [Fact]
    public void Qm_list_parses_the_real_format_including_long_names()
    {
        const string output = """
                  VMID NAME                 STATUS     MEM(MB)    BOOTDISK(GB) PID
                   100 homeassistant        running    4096              32.00 1234
                   204 infra-core-with-a-very-long-name stopped    8192             100.00 0
            """;
        var guests = ProxmoxOutput.QmList(output);
        Assert.Equal(new[] { new Guest(100, GuestKind.Vm, "homeassistant", "running"), new Guest(204, GuestKind.Vm, "infra-core-with-a-very-long-name", "stopped") }, guests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("      VMID NAME                 STATUS     MEM(MB)    BOOTDISK(GB) PID\n")]
    public void Empty_output_means_no_guests(string output)
    {
        Assert.Empty(ProxmoxOutput.QmList(output));
        Assert.Empty(ProxmoxOutput.PctList(output.Replace("NAME", "Status")));
    }

    [Fact]
    public void Pct_list_handles_the_empty_lock_column()
    {
        const string output = "VMID       Status     Lock         Name                \n103        stopped                 download-home       \n105        running    backup       pihole-home\n";
        var guests = ProxmoxOutput.PctList(output);
        Assert.Equal(new[] { new Guest(103, GuestKind.Container, "download-home", "stopped"), new Guest(105, GuestKind.Container, "pihole-home", "running") }, guests);
    }

    [Fact]
    public void Garbage_rows_are_a_format_error_not_a_guess()
    {
        Assert.Throws<FormatException>(() => ProxmoxOutput.QmList("VMID NAME STATUS\nsomething odd\n"));
        Assert.Throws<FormatException>(() => ProxmoxOutput.Status("nothing here", "qm status 1"));
        Assert.Equal("running", ProxmoxOutput.Status("status: running\n", "qm status 1"));
    }

    [Theory]
    [InlineData("status: Running\n")]
    [InlineData("status: stoped\n")]
    [InlineData("status: \n")]
    public void A_status_proxmox_does_not_have_is_a_failure_never_not_running(string output)
    {
        var error = Assert.Throws<FormatException>(() => ProxmoxOutput.Status(output, "qm status 210"));
        Assert.Contains("qm status 210", error.Message);
        Assert.Throws<FormatException>(() => ProxmoxOutput.QmList("VMID NAME STATUS\n210 streaming Running 4096 32 0\n"));
        Assert.Throws<FormatException>(() => ProxmoxOutput.PctList("VMID Status Lock Name\n300 Up  dns\n"));
    }

    [Fact]
    public void Commands_are_built_from_validated_values_and_quoted()
    {
        Assert.Equal("LC_ALL=C qm shutdown 210 --timeout 180", ProxmoxCommand.Shutdown(GuestKind.Vm, 210, 180).Text);
        Assert.True(ProxmoxCommand.Shutdown(GuestKind.Vm, 210, 180).Mutating);
        Assert.False(ProxmoxCommand.QmList().Mutating);
        Assert.Equal("LC_ALL=C pct stop 103", ProxmoxCommand.Stop(GuestKind.Container, 103).Text);
        Assert.Equal("cd '/opt/stacks/secrets' && LC_ALL=C docker compose up -d", ProxmoxCommand.ComposeUp("/opt/stacks/secrets").Text);
        Assert.Equal("cd ~/'stacks/mint-os' && LC_ALL=C docker compose up -d", ProxmoxCommand.ComposeUp("~/stacks/mint-os").Text);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProxmoxCommand.Start(GuestKind.Vm, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProxmoxCommand.Shutdown(GuestKind.Vm, 210, 0));
        Assert.Throws<ArgumentException>(() => ProxmoxCommand.HoldLock("shop; reboot", "x"));
        Assert.Throws<ArgumentException>(() => ProxmoxCommand.HoldLock("shop", "a'b"));
        Assert.Equal("/run/lock/spine-window-shop.lock", ProxmoxCommand.LockFile("shop"));
        foreach (var evil in new[] { "/opt/x; rm -rf /", "/opt/$(reboot)", "/opt/x'y", "../../etc", "/opt/a b", "/opt/`id`" })
        {
            Assert.Throws<ArgumentException>(() => ProxmoxCommand.ComposeUp(evil));
        }
    }
}
