using Xunit.Abstractions;
using Xunit.Sdk;

namespace RJH.DeviceWorkflows.Testing;

/// <summary>
/// Opt in per test assembly: <c>[assembly: TestFramework(TestRunHooks.TypeName, TestRunHooks.AssemblyName)]</c>.
/// xunit 2's test framework with an end-of-run hook: the runner disposes it after the last test, while the
/// test process is still allowed to work. (AppDomain.ProcessExit comes too late: the runner kills the test
/// host soon after, in the middle of stopping the PostgreSQL cluster.)
/// </summary>
public sealed class TestRunHooks(IMessageSink messageSink) : XunitTestFramework(messageSink), IDisposable
{
    public const string TypeName = "RJH.DeviceWorkflows.Testing.TestRunHooks";
    public const string AssemblyName = "RJH.DeviceWorkflows.Testing";

    // Re-implemented so the runner's call through ITestFramework (an IDisposable) lands here first.
    void IDisposable.Dispose()
    {
        PostgresCluster.StopIfStarted();
        base.Dispose();
    }
}
