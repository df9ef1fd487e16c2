using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Audit;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Import;
using RJH.DeviceWorkflows.Registry.LoanPool;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Orders;
using RJH.DeviceWorkflows.Registry.Outcomes;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Persistence;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Registry;

public static class RegisterServiceCollectionExtensions
{
    /// <summary>
    /// The device register on the configured database (<c>Database:Provider</c>, connection string <c>Default</c>),
    /// settings from <c>Register</c>. <see cref="ILoanPoolAlerts"/> only logs unless the caller registered one first.
    /// </summary>
    public static IServiceCollection AddRegister(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.From(configuration);
        services.AddOptions<RegisterOptions>().Bind(configuration.GetSection(RegisterOptions.Section));
        _ = database.Kind switch
        {
            DatabaseKind.Sqlite => services.AddProductContext<RegisterDbContext, SqliteRegisterDbContext>(database, joinCommand: true),
            DatabaseKind.PostgreSql => services.AddProductContext<RegisterDbContext, PostgresRegisterDbContext>(database, joinCommand: true),
            _ => services.AddProductContext<RegisterDbContext, SqlServerRegisterDbContext>(database, joinCommand: true),
        };
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoanPoolAlerts, LoggingLoanPoolAlerts>();
        services.AddSingleton<RegisterTransactions>();
        services.AddSingleton<LoanPoolLevels>();
        services.AddSingleton<DeviceRegister>();
        services.AddSingleton<IDeviceRegister>(sp => sp.GetRequiredService<DeviceRegister>());
        services.AddSingleton<IDeviceSearch, DeviceSearchService>();
        services.AddSingleton<IDeviceDetails, DeviceDetailsService>();
        services.AddSingleton<ISubscriptionRegister, SubscriptionRegister>();
        services.AddSingleton<IExtensionRegister, ExtensionRegister>();
        services.AddSingleton<ILoanPool, LoanPoolService>();
        services.AddSingleton<IOrgRegister, OrgRegister>();
        services.AddSingleton<IDeviceOrders, DeviceOrders>();
        services.AddSingleton<IRegisterImports, RegisterImports>();
        services.AddSingleton<IRegisterDirectory, RegisterDirectory>();
        services.AddSingleton<IAuditSource, RegisterAuditSource>();
        services.AddSingleton<IOutcomeData, OutcomeData>();
        return services;
    }


    /// <summary>Brings the register's tables to the current schema.</summary>
    public static Task MigrateRegisterAsync(this IServiceProvider services, CancellationToken ct = default)
        => services.MigrateProductContextAsync<RegisterDbContext>(ct);
}
