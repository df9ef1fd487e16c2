using Serilog.Core;
using Serilog.Events;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Logging;

/// <summary>Every sink gets the masked event, never the original (an enricher can change properties, not the template).</summary>
internal sealed class MaskingSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent) => inner.Emit(PersonalDataMasker.Mask(logEvent));

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
