using Hangfire;
using Hangfire.Common;

namespace RJH.DeviceWorkflows.Scale.Bench;

/// <summary>
/// Measures what Hangfire's default global filters cost per job (--lean): the dashboard's history counters, continuation
/// support and captured cultures each add statements to every job, and the engine's jobs use none of them.
/// </summary>
internal sealed class LeanFilters(IJobFilterProvider inner) : IJobFilterProvider
{
    private static readonly Type[] Unused = [typeof(StatisticsHistoryAttribute), typeof(ContinuationsSupportAttribute), typeof(CaptureCultureAttribute)];

    public IEnumerable<JobFilter> GetFilters(Job job) => inner.GetFilters(job).Where(f => !Unused.Contains(f.Instance.GetType()));
}
