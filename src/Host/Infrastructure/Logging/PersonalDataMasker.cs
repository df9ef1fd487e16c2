using System.Text.RegularExpressions;
using Serilog.Events;
using Serilog.Parsing;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Logging;

/// <summary>
/// Masks personnummer (and samordningsnummer) and phone numbers in a log event: its message template (a careless
/// interpolated log line), every property, however nested, and the exception's text. A personnummer keeps its date
/// (YYYYMMDD-****, as everywhere in the product); a phone number its last two digits, enough to tell two apart.
/// </summary>
internal static partial class PersonalDataMasker
{
    private static readonly MessageTemplateParser Parser = new();

    public static string Mask(string text)
    {
        if (!HasDigits(text)) return text;
        var masked = PersonalNumber().Replace(text, m => $"{m.Groups["date"].Value}-****");
        return PhoneNumber().Replace(masked, m => $"[phone **{m.Value[^2..]}]");
    }

    public static LogEvent Mask(LogEvent logEvent)
    {
        var template = Mask(logEvent.MessageTemplate.Text);
        var changed = !ReferenceEquals(template, logEvent.MessageTemplate.Text) && template != logEvent.MessageTemplate.Text;
        var properties = new List<LogEventProperty>(logEvent.Properties.Count);
        foreach (var (name, value) in logEvent.Properties)
        {
            var masked = Mask(value);
            changed |= !ReferenceEquals(masked, value);
            properties.Add(new LogEventProperty(name, masked));
        }
        var exception = MaskedException.Of(logEvent.Exception);
        changed |= !ReferenceEquals(exception, logEvent.Exception);
        return changed
            ? new LogEvent(logEvent.Timestamp, logEvent.Level, exception, Parser.Parse(template), properties,
                logEvent.TraceId ?? default, logEvent.SpanId ?? default)
            : logEvent;
    }

    /// <returns>The same instance when nothing needed masking.</returns>
    private static LogEventPropertyValue Mask(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var masked = Mask(text);
                return masked == text ? value : new ScalarValue(masked);
            case ScalarValue { Value: long or ulong or decimal } number:
                // A personnummer sent as a JSON number.
                var digits = Convert.ToString(number.Value, System.Globalization.CultureInfo.InvariantCulture)!;
                var maskedDigits = Mask(digits);
                return maskedDigits == digits ? value : new ScalarValue(maskedDigits);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Mask).ToList();
                return elements.SequenceEqual(sequence.Elements) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var members = structure.Properties.Select(p => (p, Masked: Mask(p.Value))).ToList();
                return members.All(m => ReferenceEquals(m.Masked, m.p.Value))
                    ? value
                    : new StructureValue(members.Select(m => new LogEventProperty(m.p.Name, m.Masked)), structure.TypeTag);
            case DictionaryValue dictionary:
                var pairs = dictionary.Elements.Select(e => (Key: (ScalarValue)Mask(e.Key), Value: Mask(e.Value), e)).ToList();
                return pairs.All(p => ReferenceEquals(p.Key, p.e.Key) && ReferenceEquals(p.Value, p.e.Value))
                    ? value
                    : new DictionaryValue(pairs.Select(p => new KeyValuePair<ScalarValue, LogEventPropertyValue>(p.Key, p.Value)));
            default:
                return value;
        }
    }

    private static bool HasDigits(string text) => text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    /// <summary>
    /// YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, YYMMDD+NNNN (over 100) and YYMMDDNNNN; the day may be 61–91
    /// (samordningsnummer); a plus may come URL-encoded. Digits, letters or dashes right beside it make it part of something else (a GUID, a hash).
    /// </summary>
    [GeneratedRegex(@"(?<![\w.-])(?<date>(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01]))(?:[-+]|%2[Bb])?\d{4}(?![\w-])")]
    private static partial Regex PersonalNumber();

    /// <summary>
    /// +46 70-123 45 67, 0046…, 070-123 45 67, 0701234567, 46701234567: an international or Swedish national number
    /// of 8 to 15 digits with spaces or dashes between them; a plus may come URL-encoded (a query string).
    /// </summary>
    [GeneratedRegex(@"(?<![\w+-])(?:(?:\+|%2[Bb]|00)\d{1,3}[\s-]?\d(?:[\s-]?\d){6,12}|0\d(?:[\s-]?\d){7,10}|467\d{8})(?![\w-])")]
    private static partial Regex PhoneNumber();
}
