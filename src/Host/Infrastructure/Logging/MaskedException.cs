namespace RJH.DeviceWorkflows.Host.Infrastructure.Logging;

/// <summary>Stands in for an exception whose text held personal data: sinks write <see cref="ToString"/>.</summary>
internal sealed class MaskedException : Exception
{
    private readonly string text;

    private MaskedException(string message, string text, Exception original) : base(message)
    {
        this.text = text;
        HResult = original.HResult;
        Source = original.Source;
    }

    public static Exception? Of(Exception? exception)
    {
        if (exception is null) return null;
        var full = exception.ToString();
        var masked = PersonalDataMasker.Mask(full);
        return masked == full ? exception : new MaskedException(PersonalDataMasker.Mask(exception.Message), masked, exception);
    }

    public override string ToString() => text;
}
