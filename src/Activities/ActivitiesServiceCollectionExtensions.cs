using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Activities.Calendar;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Activities.Notify;
using RJH.DeviceWorkflows.Activities.Policy;
using RJH.DeviceWorkflows.Activities.Register;
using RJH.DeviceWorkflows.Activities.Supplier;
using RJH.DeviceWorkflows.Activities.WorkEnvironment;
using RJH.DeviceWorkflows.Activities.Workflow;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Activities;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// Makes the product's activities known to the engine's catalog. Their own services come from elsewhere:
    /// Policy.Evaluate needs <c>IPolicyService</c> (AddPolicyRules). Notify.Email brings its mail services
    /// (AddMail, settings <c>Mail</c>) and looks employees up in <c>IRegisterDirectory</c> when there is one. The MDM,
    /// operator and telephony activities need the adapters (AddAdapters) and the register (AddRegister).
    /// </summary>
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddActivity<PolicyEvaluateActivity>();
        services.AddActivity<WorkingTimeActivity>();
        services.AddActivity<PlaceOrderActivity>();
        services.AddActivity<PublishMessageActivity>();
        services.AddMail().AddActivity<NotifyEmailActivity>().AddActivity<UnitMessageActivity>();
        services.AddExternalSystemActivities();
        services.AddRegisterActivities();
        services.AddWorkEnvironmentActivities();
        return services;
    }
}
