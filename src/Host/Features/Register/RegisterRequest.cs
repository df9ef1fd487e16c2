using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>What every register endpoint reads from the request besides the caller: the idempotency key, an import body.</summary>
internal static class RegisterRequest
{
    /// <summary>Optional header: a repeated key returns the first result and changes nothing (for integrations that retry).</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string? OperationKey(this HttpRequest request) =>
        request.Headers[IdempotencyHeader].FirstOrDefault() is { Length: > 0 and <= 200 } key ? key : null;

    /// <summary>An import file as text, refusing bodies over <see cref="RegisterOptions.MaxImportBytes"/> (413).</summary>
    public static async Task<string> ReadImportAsync(this HttpRequest request, CancellationToken ct)
    {
        var max = request.HttpContext.RequestServices.GetRequiredService<IOptions<RegisterOptions>>().Value.MaxImportBytes;
        if (request.ContentLength > max) throw TooLarge(max);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw TooLarge(max);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new BadHttpRequestException("Filen är tom.");
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string? MediaType(this HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.Value : null;

    private static BadHttpRequestException TooLarge(int max) =>
        new($"Filen är större än {max / 1024} KB.", StatusCodes.Status413PayloadTooLarge);
}
