using Microsoft.AspNetCore.Diagnostics;
using RJH.DeviceWorkflows.Activities;
using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Engine;
using RJH.DeviceWorkflows.Host.Features.Activities;
using RJH.DeviceWorkflows.Host.Features.Admin;
using RJH.DeviceWorkflows.Host.Features.Auth;
using RJH.DeviceWorkflows.Host.Features.Definitions;
using RJH.DeviceWorkflows.Host.Features.Forms;
using RJH.DeviceWorkflows.Host.Features.Incidents;
using RJH.DeviceWorkflows.Host.Features.Instances;
using RJH.DeviceWorkflows.Host.Features.Jobs;
using RJH.DeviceWorkflows.Host.Features.Jobs.Dashboard;
using RJH.DeviceWorkflows.Host.Features.MailOutbox;
using RJH.DeviceWorkflows.Host.Features.Migration;
using RJH.DeviceWorkflows.Host.Features.Messages;
using RJH.DeviceWorkflows.Host.Features.PolicyRules;
using RJH.DeviceWorkflows.Host.Features.Register;
using RJH.DeviceWorkflows.Host.Features.SelfService;
using RJH.DeviceWorkflows.Host.Features.Supplier;
using RJH.DeviceWorkflows.Host.Features.Tasks;
using RJH.DeviceWorkflows.Host.Features.WorkEnvironment;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Health;
using RJH.DeviceWorkflows.Host.Infrastructure.Http;
using RJH.DeviceWorkflows.Host.Infrastructure.Logging;
using RJH.DeviceWorkflows.Host.Infrastructure.OpenApi;
using RJH.DeviceWorkflows.Host.Infrastructure.Security;
using RJH.DeviceWorkflows.Host.Infrastructure.Telemetry;
using RJH.DeviceWorkflows.Host.Ui;

namespace RJH.DeviceWorkflows.Host;

/// <summary>
/// The composition root. Program.cs only runs it; the durability tests' TestHost builds the same
/// application with test activities added, so a separate process is exactly the product.
/// </summary>
public static class HostApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddWorkflowEngine(builder.Configuration);
        builder.Services.AddJobRunner(builder.Configuration);
        builder.Services.AddPolicyFeature(builder.Configuration).AddActivities().AddAdapters(builder.Configuration);
        builder.Services.AddRegisterFeature(builder.Configuration);
        builder.Services.AddWorkEnvironmentFeature(builder.Configuration);
        builder.Services.AddMailOutboxFeature();
        Features.Dashboard.DashboardFeature.AddDashboardFeature(builder.Services, builder.Configuration);
        Features.Demo.DemoFeature.AddDemoFeature(builder.Services, builder.Configuration);
        builder.Services.AddWorkflowSeeding(builder.Configuration);
        builder.Services.AddSupplierFeature();
        builder.Services.AddApiConventions();
        builder.Services.AddSignIn(builder.Configuration);
        builder.Services.AddWebApp();
        builder.Services.AddSelfService();
        builder.Services.AddForms();
        Features.Tasks.InboxOptions.AddInbox(builder.Services);
        builder.Services.AddScoped<Features.Team.TeamQueries>();
        builder.Services.AddScoped<UnitMessages>();
        builder.Services.AddScoped<Features.Designer.ProcessDesigns>().AddScoped<Features.Designer.ImportedDesigns>().AddScoped<Features.Designer.FormDesigns>();
        builder.Services.AddScoped<Features.Routines.Routines>();
        builder.Services.AddOperationalHealth();
        builder.Services.AddRateLimits();
        builder.Services.AddApiDocument();
        builder.Services.AddStructuredLogging();
        builder.Services.AddTelemetry(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();

        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // The API words every error status as a problem; people get the not-found page instead.
        app.UseStatusCodePages();
        app.UseWhen(context => !IsApi(context), pages => pages
            .UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true)
            .Use(NotFoundOnly));
        app.UseRequestLocalization();
        // Routing after the status code pages, so a re-executed /not-found is routed to its page.
        app.UseRouting();
        app.UseApiNotFound();
        // The job dashboard signs its callers in itself, so it comes before the API's authorization.
        app.UseJobDashboard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOperationalHealth();
        app.MapApiDocument();
        app.MapAuthEndpoints();
        app.MapDefinitionEndpoints();
        app.MapMigrationEndpoints();
        app.MapInstanceEndpoints();
        app.MapTaskEndpoints();
        app.MapMessageEndpoints();
        app.MapUnitMessageEndpoints();
        app.MapIncidentEndpoints();
        app.MapPolicyEndpoints();
        app.MapRegisterEndpoints();
        app.MapAdminEndpoints();
        app.MapWorkEnvironmentEndpoints();
        app.MapActivityEndpoints();
        app.MapMailOutboxEndpoints();
        Features.Dashboard.DashboardFeature.MapDashboardEndpoints(app);
        app.MapWebApp();
        return app;
    }

    /// <summary>Leaves every status but 404 to the problem writer (sign-in, the dashboard's 401 and 403, a refused form post).</summary>
    private static async Task NotFoundOnly(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound
            && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
