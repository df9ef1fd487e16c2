using Microsoft.AspNetCore.Mvc;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Http;

/// <summary>
/// Keeps every problem body short: messages may quote what was sent, and a 10 MB field must not come back
/// in the answer (or in every log line that records it).
/// </summary>
internal static class ProblemText
{
    public const int MaxLength = 500;

    public static void Clip(ProblemDetails problem)
    {
        problem.Detail = Clip(problem.Detail);
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var (field, messages) in validation.Errors.ToList())
            {
                validation.Errors.Remove(field);
                validation.Errors[Clip(field)!] = messages.Select(m => Clip(m)!).ToArray();
            }
        }
    }

    private static string? Clip(string? text) =>
        text is { Length: > MaxLength } ? text[..MaxLength] + "…" : text;
}
