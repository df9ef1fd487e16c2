using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Engine.Privacy;

/// <summary>
/// Personal variables (see <see cref="PersonalVariableOptions"/>) at the engine's edges: encrypted on the way into
/// storage, decrypted on the way back into a command, masked on the way out to a view. Encryption is ASP.NET Data
/// Protection on the Host's key ring, as the register's personnummer, under a purpose of its own: a stored variable
/// cannot be decrypted as anything else, nor the reverse. The purpose is a constant because changing it makes every
/// stored value unreadable.
/// </summary>
internal sealed class PersonalVariables
{
    public const string Purpose = "RJH.DeviceWorkflows.Engine.PersonalVariable.v1";
    /// <summary>The stored shape of an encrypted value: <c>{"$protected": "&lt;ciphertext of its JSON&gt;"}</c>.</summary>
    public const string ProtectedKey = "$protected";
    public const string HiddenValue = "****";

    /// <summary>How many distinct names <see cref="IsPersonal"/> remembers; names come from models and forms, a few hundred.</summary>
    internal const int RememberedNames = 10_000;

    private readonly IDataProtector protector;
    private readonly Regex pattern;
    private readonly HashSet<string> names;
    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.OrdinalIgnoreCase);

    public PersonalVariables(IDataProtectionProvider provider, IOptions<PersonalVariableOptions> options)
    {
        protector = provider.CreateProtector(Purpose);
        pattern = new Regex(options.Value.NamePattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        names = new HashSet<string>(options.Value.Names, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>An array's items have no name (null) and are personal only as part of a personal variable.</summary>
    /// <remarks>
    /// Every view and every save asks this for each variable, so the answer per name is remembered. The pattern is the
    /// operator's, so it has a time limit; the limit counts wall-clock time, and a loaded host (a garbage collection, a
    /// descheduled thread) once ran past it on a ten-letter name and failed a task list (P5, 2026-12-06). A name whose
    /// match runs out of time counts as personal — masked and encrypted, the safe side — and is asked again next time.
    /// </remarks>
    public bool IsPersonal(string? name)
    {
        if (name is null) return false;
        if (known.TryGetValue(name, out var personal)) return personal;
        try
        {
            personal = names.Contains(name) || pattern.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
        if (known.Count < RememberedNames) known.TryAdd(name, personal);
        return personal;
    }

    /// <summary>Whether some personal variable under <paramref name="node"/> has a value to encrypt.</summary>
    public bool HoldsPersonal(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => (p.Value is not null && IsPersonal(p.Key) && !IsProtected(p.Value)) || HoldsPersonal(p.Value)),
        JsonArray a => a.Any(HoldsPersonal),
        _ => false,
    };

    /// <summary>Replaces, in place, every personal variable's value under <paramref name="node"/> with its encrypted form.</summary>
    public void Protect(JsonNode? node) => Rewrite(node, (name, value) =>
        value is not null && IsPersonal(name) && !IsProtected(value)
            ? new JsonObject { [ProtectedKey] = protector.Protect(value.ToJsonString()) }
            : null);

    /// <summary>Decrypts, in place, every encrypted value under <paramref name="node"/>.</summary>
    /// <param name="lenient">A value the key ring cannot decrypt (keys lost) becomes <see cref="HiddenValue"/> instead of failing.</param>
    public void Unprotect(JsonNode? node, bool lenient = false) => Rewrite(node, (_, value) =>
    {
        if (!IsProtected(value)) return null;
        try { return JsonNode.Parse(protector.Unprotect(value!.AsObject()[ProtectedKey]!.GetValue<string>())) ?? JsonValue.Create(HiddenValue); }
        catch (CryptographicException) when (lenient) { return JsonValue.Create(HiddenValue); }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException("A personal variable cannot be decrypted: the Data Protection key ring lacks its key.", e);
        }
    });

    /// <summary>
    /// Makes <paramref name="variables"/> (a copy the caller owns) fit to show, in place: a personal variable's personnummer
    /// as <c>YYYYMMDD-****</c> and any other value of it as <c>****</c>; a personnummer in any other string masked as well.
    /// </summary>
    public JsonObject Mask(JsonObject variables)
    {
        MaskInPlace(variables);
        return variables;
    }

    /// <summary>
    /// Drops from a task's submitted values every personal variable sent back as it was shown (masked), so a form that
    /// echoes what it displayed does not overwrite the stored value with its mask.
    /// </summary>
    public void DropMaskedEchoes(JsonObject? submitted, JsonObject current)
    {
        if (submitted is null) return;
        foreach (var (name, value) in submitted.ToList())
        {
            if (!IsPersonal(name) || value is not JsonValue || !current.TryGetPropertyValue(name, out var stored) || stored is null) continue;
            if (JsonNode.DeepEquals(value, MaskedValue(stored))) submitted.Remove(name);
        }
    }

    private void MaskInPlace(JsonNode? node) => Rewrite(node, (name, value) =>
        IsPersonal(name) && value is not null ? MaskedValue(value)
        : value is JsonValue v && v.TryGetValue<string>(out var text) && PersonalNumberText.Contains(text) ? JsonValue.Create(PersonalNumberText.Mask(text))
        : null);

    private static JsonNode MaskedValue(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && PersonalNumberText.Contains(text)
            ? JsonValue.Create(PersonalNumberText.Mask(text))
            : JsonValue.Create(HiddenValue);

    private static bool IsProtected(JsonNode? value) =>
        value is JsonObject { Count: 1 } o && o[ProtectedKey] is JsonValue cipher && cipher.TryGetValue<string>(out _);

    /// <summary>
    /// Walks every property under <paramref name="node"/>; where <paramref name="replace"/> gives a node, that node takes the
    /// property's place (and is not walked), otherwise the walk goes on into the value.
    /// </summary>
    private static void Rewrite(JsonNode? node, Func<string?, JsonNode?, JsonNode?> replace)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (replace(name, value) is { } replacement) o[name] = replacement;
                    else Rewrite(value, replace);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out _) && replace(null, a[i]) is { } replacement) a[i] = replacement;
                    else Rewrite(a[i], replace);
                }
                break;
        }
    }
}
