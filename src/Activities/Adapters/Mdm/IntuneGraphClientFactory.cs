using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace RJH.DeviceWorkflows.Activities.Adapters.Mdm;

/// <summary>The GraphServiceClient of the Intune adapter: app-only sign-in with a client secret, the SDK's default
/// middleware (retries honouring Retry-After, redirects, compression), <see cref="IntuneOptions.Timeout"/>.</summary>
internal static class IntuneGraphClientFactory
{
    public static GraphServiceClient Create(IServiceProvider services)
    {
        var intune = services.GetRequiredService<IOptions<MdmOptions>>().Value.Intune;
        var credential = new ClientSecretCredential(intune.TenantId, intune.ClientId, intune.ClientSecret);
        // Tokens are sent only to the two Graph hosts configured, and asked for with that cloud's default scope.
        var hosts = new[] { intune.BaseAddress.Host, intune.BetaBaseAddress.Host }.Distinct().ToArray();
        var scope = $"{intune.BaseAddress.GetLeftPart(UriPartial.Authority)}/.default";
        var auth = new AzureIdentityAuthenticationProvider(credential, hosts, null, true, scope);
        var http = GraphClientFactory.Create();
        http.Timeout = intune.Timeout;
        return new GraphServiceClient(http, auth, intune.BaseAddress.ToString().TrimEnd('/'));
    }
}
