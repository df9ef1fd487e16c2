using Hangfire;
using Hangfire.Common;

namespace RJH.DeviceWorkflows.Host.Features.Jobs;

/// <summary>
/// Hangfire's filters without three global ones the engine's jobs never use, each of which adds PostgreSQL statements to
/// every job (Scale.Bench: 107 → 93 transactions and 78 → 68 ms of host CPU per instance of three jobs). History
/// counters feed only the dashboard's graph; continuations are never created; a captured culture would make a job
/// depend on the language of whoever triggered it, while its inputs are all in the engine's outbox.
/// </summary>
internal sealed class WorkflowJobFilters(IJobFilterProvider inner) : IJobFilterProvider
{
    private static readonly Type[] Unused =
        [typeof(StatisticsHistoryAttribute), typeof(ContinuationsSupportAttribute), typeof(CaptureCultureAttribute)];

    public IEnumerable<JobFilter> GetFilters(Job job) => inner.GetFilters(job).Where(f => !Unused.Contains(f.Instance.GetType()));
}
