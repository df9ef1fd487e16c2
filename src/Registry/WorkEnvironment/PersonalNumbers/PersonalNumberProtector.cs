using Microsoft.AspNetCore.DataProtection;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.PersonalNumbers;

/// <summary>
/// Encrypts personnummer at rest with ASP.NET Data Protection. The purpose string isolates these
/// ciphertexts from every other use of the key ring (sign-in tokens cannot be decrypted as numbers, nor the
/// reverse); changing it makes every stored number unreadable, so it is a constant.
/// </summary>
internal sealed class PersonalNumberProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "RJH.DeviceWorkflows.Registry.WorkEnvironment.PersonalNumber.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(PersonalNumber number) => protector.Protect(number.Full);

    public string Unprotect(string protectedNumber) => protector.Unprotect(protectedNumber);
}
