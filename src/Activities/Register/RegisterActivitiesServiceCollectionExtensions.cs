using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Activities.Register;

public static class RegisterActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// The inline activities over the device register (Register.*). They need the register's services (AddRegister)
    /// and, for Register.DescribeEmployee's facts, the work-environment services (AddWorkEnvironment).
    /// </summary>
    public static IServiceCollection AddRegisterActivities(this IServiceCollection services)
    {
        services.AddTransient<RequestedByRule>();
        services.AddTransient<EmployeeFacts>();
        services.AddTransient<UnitScopes>();
        services.AddActivity<DescribeEmployeeActivity>();
        services.AddActivity<DescribeUnitActivity>();
        services.AddActivity<DescribeDeviceActivity>();
        services.AddActivity<OpenOrderActivity>();
        services.AddActivity<CloseOrderActivity>();
        services.AddActivity<ReserveDeviceActivity>();
        services.AddActivity<ReceiveDeviceActivity>();
        services.AddActivity<AssignDeviceActivity>();
        services.AddActivity<StartLoanActivity>();
        services.AddActivity<EndLoanActivity>();
        services.AddActivity<MarkReturnedActivity>();
        services.AddActivity<SetDeviceStatusActivity>();
        services.AddActivity<RestockOrRetireActivity>();
        services.AddActivity<SetUnitRolloutActivity>();
        services.AddActivity<FindEmployeesWithoutDeviceActivity>();
        services.AddActivity<ReleasePersonActivity>();
        return services;
    }
}
