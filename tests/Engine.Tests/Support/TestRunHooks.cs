using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("RJH.DeviceWorkflows.Engine.Tests.Support.TestRunHooks", "RJH.DeviceWorkflows.Engine.Tests")]

namespace RJH.DeviceWorkflows.Engine.Tests.Support;

/// <summary>
/// xunit 2's test framework with an end-of-run hook: the runner disposes it after the last test, while the
/// test process is still allowed to work. (AppDomain.ProcessExit comes too late: the runner kills the test
/// host soon after, in the middle of stopping the PostgreSQL cluster.)
/// </summary>
public sealed class TestRunHooks(IMessageSink messageSink) : XunitTestFramework(messageSink), IDisposable
{
    // Re-implemented so the runner's call through ITestFramework (an IDisposable) lands here first.
    void IDisposable.Dispose()
    {
        PostgresCluster.StopIfStarted();
        base.Dispose();
    }
}
