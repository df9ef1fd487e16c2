using System.Text;
using Microsoft.Net.Http.Headers;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Http;

/// <summary>Reads an XML request body as text, refusing other media types and bodies over a size limit.</summary>
internal static class XmlBody
{
    private static readonly string[] MediaTypes = ["application/xml", "text/xml"];

    /// <exception cref="BadHttpRequestException">415, 413 or 400; turned into a problem by <see cref="WorkflowExceptionHandler"/>.</exception>
    public static async Task<string> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !MediaTypes.Contains(contentType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
            throw new BadHttpRequestException(
                $"Send the BPMN file as {string.Join(" or ", MediaTypes)}.", StatusCodes.Status415UnsupportedMediaType);
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);

        // Count bytes ourselves: chunked requests carry no Content-Length.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new BadHttpRequestException("The request body is empty; send a BPMN file.");

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, EncodingOf(contentType), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct);
    }

    // The Unicode encodings and plain ASCII only: UTF-7 (obsolete, and able to smuggle markup) and legacy code pages
    // are refused with 415 rather than guessed at.
    private static readonly Dictionary<string, Encoding> Charsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utf-8"] = Encoding.UTF8, ["utf8"] = Encoding.UTF8, ["utf-16"] = Encoding.Unicode, ["utf-16le"] = Encoding.Unicode,
        ["utf-16be"] = Encoding.BigEndianUnicode, ["us-ascii"] = Encoding.ASCII,
    };

    private static Encoding EncodingOf(MediaTypeHeaderValue contentType)
    {
        if (!contentType.Charset.HasValue) return Encoding.UTF8;
        var charset = contentType.Charset.Value!.Trim('"');
        return Charsets.TryGetValue(charset, out var encoding) ? encoding
            : throw new BadHttpRequestException($"Unsupported charset '{(charset.Length > 40 ? charset[..40] + "…" : charset)}'; send UTF-8.",
                StatusCodes.Status415UnsupportedMediaType);
    }

    private static BadHttpRequestException TooLarge(long maxBytes) =>
        new($"The BPMN file is larger than {maxBytes / (1024 * 1024)} MB.", StatusCodes.Status413PayloadTooLarge);
}
