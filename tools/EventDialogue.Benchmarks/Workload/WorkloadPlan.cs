namespace EventDialogue.Benchmarks.Workload;

/// <summary>The appends of each concurrent writer for one measurement; writer i only ever touches its own streams.</summary>
internal sealed record WorkloadPlan(IReadOnlyList<IReadOnlyList<PlannedAppend>> Writers)
{
    public long EventCount => Writers.Sum(appends => appends.Sum(a => (long)a.Events.Count));
}
