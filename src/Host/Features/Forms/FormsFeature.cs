using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Privacy;

namespace RJH.DeviceWorkflows.Host.Features.Forms;

internal static class FormsFeature
{
    public static IServiceCollection AddForms(this IServiceCollection services)
    {
        services.AddOptions<FormOptions>().BindConfiguration(FormOptions.Section);
        services.AddSingleton<FormVersions>();
        services.AddSingleton<FormCatalog>();
        services.AddScoped<TaskCompletion>();
        services.AddSingleton<IConfigureOptions<PersonalVariableOptions>, FormPersonalFields>();
        return services;
    }
}
