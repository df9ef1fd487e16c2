using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.Adapters.Rest;
using RJH.DeviceWorkflows.Activities.Adapters.Simulation;
using RJH.DeviceWorkflows.Activities.Adapters.Supplier;
using RJH.DeviceWorkflows.Activities.Adapters.Telephony;

namespace RJH.DeviceWorkflows.Activities.Adapters;

public static class AdaptersServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMdmClient"/>, <see cref="IOperatorClient"/>, <see cref="ITelephonyClient"/> and
    /// <see cref="ISupplierClient"/>, each as its simulator (the default; a singleton, so its state lives as long as
    /// the host) or its real client, as <c>Adapters:&lt;System&gt;:Mode</c> says. A real client's missing settings stop the host at start.
    /// </summary>
    public static IServiceCollection AddAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMdmAdapter(configuration);
        services.AddRestAdapter<IOperatorClient, SimulatedOperatorClient, HttpOperatorClient, OperatorOptions>(configuration, OperatorOptions.Section);
        services.AddRestAdapter<ITelephonyClient, SimulatedTelephonyClient, HttpTelephonyClient, TelephonyOptions>(configuration, TelephonyOptions.Section);
        services.AddRestAdapter<ISupplierClient, SimulatedSupplierClient, HttpSupplierClient, SupplierOptions>(configuration, SupplierOptions.Section);
        services.AddOptions<SupplierOptions>().Validate(o => o.HasValidAutoDelivery,
            $"{SupplierOptions.Section}:AutoDeliverAfter must be longer than zero when set.").ValidateOnStart();
        return services;
    }

    private static void AddMdmAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MdmOptions.Section);
        var options = services.AddOptions<MdmOptions>().Bind(section).ValidateSimulator(MdmOptions.Section, o => o.Simulator);
        if (section.GetValue<MdmMode>(nameof(MdmOptions.Mode)) == MdmMode.Intune)
        {
            options.Validate(o => o.Intune.IsComplete, $"{MdmOptions.Section}:Intune needs TenantId, ClientId and ClientSecret.").ValidateOnStart();
            services.AddSingleton(IntuneGraphClientFactory.Create);
            services.AddSingleton<IMdmClient, GraphMdmClient>();
        }
        else
        {
            services.AddSingleton<SimulatedMdmClient>();
            services.AddSingleton<IMdmClient>(sp => sp.GetRequiredService<SimulatedMdmClient>());
        }
    }

    private static void AddRestAdapter<TClient, TSimulator, THttp, TOptions>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TClient : class
        where TSimulator : class, TClient
        where THttp : class, TClient
        where TOptions : RestAdapterOptions
    {
        var section = configuration.GetSection(sectionName);
        var options = services.AddOptions<TOptions>().Bind(section).ValidateSimulator(sectionName, o => o.Simulator);
        if (section.GetValue<RestAdapterMode>(nameof(RestAdapterOptions.Mode)) == RestAdapterMode.Rest)
        {
            options.Validate(o => o.Rest.IsComplete, $"{sectionName}:Rest needs an absolute BaseAddress and an ApiKey.").ValidateOnStart();
            services.AddHttpClient<TClient, THttp>(SupplierHttpClient.Configure<TOptions>)
                .AddStandardResilienceHandler()
                .Configure(SupplierHttpClient.ConfigureResilience<TOptions>);
        }
        else
        {
            services.AddSingleton<TSimulator>();
            services.AddSingleton<TClient>(sp => sp.GetRequiredService<TSimulator>());
        }
    }

    private static OptionsBuilder<T> ValidateSimulator<T>(this OptionsBuilder<T> options, string sectionName, Func<T, SimulatorOptions> simulator)
        where T : class =>
        options.Validate(o => simulator(o).FailureRate is >= 0 and <= 1 && simulator(o).Latency >= TimeSpan.Zero,
            $"{sectionName}:Simulator needs a FailureRate from 0 to 1 and a Latency of zero or more.").ValidateOnStart();
}
