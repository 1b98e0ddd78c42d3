using System.Collections.Generic;
using System.Linq;
using Spine.Runtime.Inventory;
using Spine.Runtime.Planning;
using Spine.TestSupport;
using Xunit;

namespace Spine.Runtime.Tests;

/// <summary>The planner is pure: plans of the repository's spine, compiled in and loaded, without any host.</summary>
public class PlannerTests
{
    private static readonly MaintenanceInventory Compiled = GeneratedInventory.Load();

    private static Plan Plan(WindowMode mode, params string[] sites) =>
        Planner.Build(Compiled, new WindowRequest(sites.Length == 0 ? new[] { "shop", "home" } : sites, mode, false, 180, false, false, 120));

    [Fact]
    public void Compiled_and_loaded_spines_plan_the_same_window()
    {
        var loaded = WorkspaceInventory.Load(FixtureSpine.Own().Load());
        var request = new WindowRequest(new[] { "shop", "home" }, WindowMode.Full, true, 180, false, true, 120);
        Assert.Equal(Planner.Build(Compiled, request).Steps.Select(s => s.Id + s.Summary), Planner.Build(loaded, request).Steps.Select(s => s.Id + s.Summary));
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
        var plan = Planner.Build(Compiled, new WindowRequest(new[] { "shop" }, WindowMode.Full, true, 60, true, false, 120));
        Assert.DoesNotContain(plan.Steps, s => s.Id == "shop/oobguard");
        Assert.Contains(plan.Steps, s => s.Kind == StepKind.PowerOff);
        Assert.Contains(plan.Steps, s => s.Kind == StepKind.Reconnect);
        Assert.Empty(plan.Problems);
    }

    [Fact]
    public void A_site_without_a_proxmox_host_cannot_be_planned()
    {
        var corpus = WorkspaceInventory.Load(FixtureSpine.Corpus().Load());
        var plan = Planner.Build(corpus, new WindowRequest(new[] { "shop" }, WindowMode.Shutdown, false, 180, false, false, 120));
        Assert.Contains(plan.Problems, p => p.Contains("shop_vm_lifecycle.host_id"));
        Assert.Empty(plan.Steps);
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
}
