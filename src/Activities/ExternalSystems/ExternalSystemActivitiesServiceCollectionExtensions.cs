using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Activities.Mdm;
using RJH.DeviceWorkflows.Activities.Operator;
using RJH.DeviceWorkflows.Activities.Telephony;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Activities.ExternalSystems;

public static class ExternalSystemActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// The MDM, operator and telephony activities. They need the adapters (<c>AddAdapters</c>) and the register
    /// (<c>AddRegister</c>), which the Host adds beside them.
    /// </summary>
    public static IServiceCollection AddExternalSystemActivities(this IServiceCollection services) => services
        .AddActivity<EnrollDeviceActivity>()
        .AddActivity<LockDeviceActivity>()
        .AddActivity<WipeDeviceActivity>()
        .AddActivity<RetireDeviceActivity>()
        .AddActivity<ReleaseActivationLockActivity>()
        .AddActivity<OrderSubscriptionActivity>()
        .AddActivity<ActivateSimActivity>()
        .AddActivity<BlockSimActivity>()
        .AddActivity<TerminateSubscriptionActivity>()
        .AddActivity<TransferSubscriptionActivity>()
        .AddActivity<CreateExtensionActivity>()
        .AddActivity<MoveExtensionActivity>()
        .AddActivity<RemoveExtensionActivity>();
}
