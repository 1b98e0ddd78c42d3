using System.Collections.Generic;
using System.Linq;
using Spine.Runtime.Inventory;
using Spine.Runtime.Planning;
using Spine.TestSupport;
using Xunit;

namespace Spine.Runtime.Tests;

/// <summary>The planner is pure: plans of the repository's spine and of both real snapshots, without any host.</summary>
public class PlannerTests
{
    private static readonly MaintenanceInventory Compiled = GeneratedInventory.Load();

    internal static WindowRequest Request(WindowMode mode, params string[] sites) =>
        new(sites.Length == 0 ? new[] { "shop", "home" } : sites, mode, false, 180, false, false, 120, 900, false, mode == WindowMode.Full ? RestoreSource.OwnCapture : RestoreSource.Journal, System.Array.Empty<string>());

    private static Plan Plan(WindowMode mode, params string[] sites) => Planner.Build(Compiled, Request(mode, sites));

    internal static MaintenanceInventory Corpus(string date) => WorkspaceInventory.Load(FixtureSpine.FromDirectory(Paths.CorpusOf(date)).Load(), date);

    [Fact]
    public void Compiled_and_loaded_spines_plan_the_same_window()
    {
        var loaded = WorkspaceInventory.Load(FixtureSpine.Own().Load(), "own");
        var request = Request(WindowMode.Full) with { PowerOff = true, Approve = true };
        Assert.Equal(Planner.Build(Compiled, request).Steps.Select(s => s.Id + s.Summary), Planner.Build(loaded, request).Steps.Select(s => s.Id + s.Summary));
        Assert.Equal(Compiled.Digest, loaded.Digest);
    }

    [Fact]
    public void Full_window_shuts_shop_then_home_and_starts_home_then_shop()
    {
        var steps = Plan(WindowMode.Full).Steps;
        var shutdowns = steps.Where(s => s.Kind == StepKind.ShutdownGuest).Select(s => $"{s.Site}:{s.GuestId}").ToList();
        Assert.Equal(new[] { "shop:210", "shop:209", "shop:206", "shop:205", "shop:202", "shop:200", "shop:204", "home:100" }, shutdowns);
        var starts = steps.Where(s => s.Kind == StepKind.StartGuest).Select(s => $"{s.Site}:{s.GuestId}").ToList();
        Assert.Equal(new[] { "home:100", "shop:204", "shop:205", "shop:206", "shop:209", "shop:210", "shop:200", "shop:202" }, starts);
        var phases = steps.Where(s => s.Kind == StepKind.RecoverPhase).Select(s => s.Phase).ToList();
        Assert.Equal(new int?[] { 10, 1, 2, 3 }, phases);
        Assert.All(steps.Where(s => s.Kind == StepKind.RecoverPhase), s => Assert.True(s.NeedsApproval));
        Assert.True(steps.ToList().FindIndex(s => s.Id == "shop/verifydown") > steps.ToList().FindIndex(s => s.Id == "shop/shutdowncontainers"));
    }

    [Fact]
    public void Requires_become_preconditions()
    {
        var steps = Plan(WindowMode.Shutdown).Steps.ToList();
        var shopShutdown = steps.First(s => s.Id == "shop/shutdownguest/210");
        Assert.Equal(new[] { "shop/connect", "shop/oobguard" }, shopShutdown.Preconditions);
        var homeShutdown = steps.First(s => s.Id == "home/shutdownguest/100");
        Assert.Equal(new[] { "home/connect" }, homeShutdown.Preconditions);
        Assert.True(steps.IndexOf(steps.First(s => s.Id == "shop/oobguard")) < steps.IndexOf(shopShutdown));
    }

    [Fact]
    public void The_oob_guard_can_be_skipped_and_poweroff_adds_steps()
    {
        var plan = Planner.Build(Compiled, Request(WindowMode.Full, "shop") with { PowerOff = true, SkipOobGuard = true, ShutdownTimeoutSec = 60 });
        Assert.DoesNotContain(plan.Steps, s => s.Id == "shop/oobguard");
        Assert.Contains(plan.Steps, s => s.Kind == StepKind.PowerOff);
        var reconnect = plan.Steps.Single(s => s.Kind == StepKind.Reconnect);
        Assert.Equal("shop/reconnect", plan.Steps.First(s => s.Kind == StepKind.StartGuest).Preconditions[0]);
        Assert.Empty(plan.Problems);
        Assert.NotNull(reconnect);
    }

    [Fact]
    public void Read_only_modes_have_no_mutating_step()
    {
        Assert.DoesNotContain(Plan(WindowMode.Precheck).Steps, s => s.Mutating);
        Assert.DoesNotContain(Plan(WindowMode.Verify).Steps, s => s.Mutating);
    }

    [Fact]
    public void Step_ids_are_unique_and_stable()
    {
        var a = Plan(WindowMode.Full).Steps.Select(s => s.Id).ToList();
        Assert.Equal(a.Count, a.Distinct().Count());
        Assert.Equal(a, Plan(WindowMode.Full).Steps.Select(s => s.Id));
    }

    /// <summary>
    /// 2026-02-25 (v3 lifecycles): the shop's whole window, step by step — every active VM in shutdown_order, the other
    /// VMs, the containers, a check that all are down; startup in startup_order; the four recovery phases; verify.
    /// Destroyed 201 and template 9000 appear nowhere.
    /// </summary>
    [Fact]
    public void The_newer_snapshot_plans_the_shop_exactly()
    {
        var plan = Planner.Build(Corpus("2026-02-25"), Request(WindowMode.Full, "shop"));
        Assert.Empty(plan.Problems);
        var expected = new List<string> { "shop/connect", "shop/capture/precheck", "shop/capture/before-shutdown" };
        expected.AddRange(new[] { 214, 213, 212, 211, 203, 210, 209, 207, 206, 205, 202, 200, 204 }.Select(id => $"shop/shutdownguest/{id}"));
        expected.AddRange(new[] { "shop/shutdownremaining", "shop/shutdowncontainers", "shop/verifydown" });
        expected.AddRange(new[] { 204, 205, 206, 207, 209, 210, 200, 202, 203, 211, 212, 213, 214 }.Select(id => $"shop/startguest/{id}"));
        expected.AddRange(new[] { "shop/startremaining", "shop/recoverphase/1", "shop/recoverphase/2", "shop/recoverphase/3", "shop/recoverphase/4", "shop/verify" });
        Assert.Equal(expected, plan.Steps.Select(s => s.Id));
        Assert.DoesNotContain(plan.Steps, s => s.GuestId is 201 or 9000);
        Assert.All(plan.Steps, s => Assert.Equal("pve", s.HostId));
        Assert.Empty(plan.Unchecked);
    }

    /// <summary>
    /// 2026-02-17 (v2: no lifecycle, the orders kept only in comments): planned from what the data declares — the home
    /// host from the phase that starts VM 100 on it, the shop host from vm.lifecycle.yaml's proxmox_host of the VMs its
    /// phases bring up; with no declared order every running guest is stopped by the "remaining" steps and restored
    /// from the capture; network.oob.guard.status is a precondition nobody can check here.
    /// </summary>
    [Fact]
    public void The_older_snapshot_plans_the_home_site_from_what_it_declares()
    {
        var inventory = Corpus("2026-02-17");
        Assert.Equal(("pve", "proxmox-home"), (inventory.Site("shop")!.HostId, inventory.Site("home")!.HostId));
        var plan = Planner.Build(inventory, Request(WindowMode.Full, "home"));
        Assert.Empty(plan.Problems);
        Assert.Equal(
            new[] { "home/connect", "home/capture/precheck", "home/capture/before-shutdown", "home/shutdownremaining", "home/shutdowncontainers", "home/verifydown", "home/startremaining", "home/recoverphase/10", "home/verify" },
            plan.Steps.Select(s => s.Id));
        var guard = Assert.Single(plan.Unchecked);
        Assert.Equal("network.oob.guard.status", guard.Capability);
        Assert.Equal(new[] { "infra.proxmox.maintenance.shutdown" }, guard.RequiredBy);
    }

    [Fact]
    public void A_guest_the_data_calls_a_container_is_planned_as_one_and_an_unknown_one_says_the_host_decides()
    {
        var inventory = Corpus("2026-02-25");
        var home = inventory.Site("home")! with { ShutdownOrder = new[] { 105, 100, 777 } };
        var changed = inventory with { Sites = inventory.Sites.Select(s => s.Name == "home" ? home : s).ToList() };
        var steps = Planner.Build(changed, Request(WindowMode.Shutdown, "home")).Steps;
        Assert.Contains("shut down CT 105", steps.Single(s => s.Id == "home/shutdownguest/105").Summary);
        Assert.Contains("shut down VM 100", steps.Single(s => s.Id == "home/shutdownguest/100").Summary);
        Assert.Contains("guest 777 (VM or container: decided from the host's inventory)", steps.Single(s => s.Id == "home/shutdownguest/777").Summary);
    }

    [Fact]
    public void Sites_come_from_the_data()
    {
        var three = Compiled with { Sites = Compiled.Sites.Append(Compiled.Site("home")! with { Name = "cabin" }).ToList() };
        var plan = Planner.Build(three, Request(WindowMode.Precheck, "cabin"));
        Assert.Empty(plan.Problems);
        Assert.Equal("cabin/connect", plan.Steps[0].Id);
        Assert.Contains("unknown site 'moon'", Planner.Build(Compiled, Request(WindowMode.Precheck, "moon")).Problems.Single());
    }
}
