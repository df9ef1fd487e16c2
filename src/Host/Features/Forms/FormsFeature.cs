namespace RJH.DeviceWorkflows.Host.Features.Forms;

internal static class FormsFeature
{
    public static IServiceCollection AddForms(this IServiceCollection services)
    {
        services.AddOptions<FormOptions>().BindConfiguration(FormOptions.Section);
        services.AddSingleton<FormCatalog>();
        services.AddScoped<TaskCompletion>();
        return services;
    }
}
