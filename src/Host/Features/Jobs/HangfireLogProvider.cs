using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace RJH.DeviceWorkflows.Host.Features.Jobs;

/// <summary>
/// Hangfire's loggers, on this host's logging. Hangfire keeps one log provider for the whole process; when a host
/// that set it has stopped (several hosts in one test process), asking its disposed logger factory would throw
/// from inside Hangfire, and creating a job would fail. Such a logger stays silent instead.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
