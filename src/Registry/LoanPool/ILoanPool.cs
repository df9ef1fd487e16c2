using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Registry.LoanPool;

/// <summary>
/// Servicecenter's stock of swap and loan devices: in stock, set apart from ordinary stock, with a minimum
/// per model. Going below a minimum raises one alert (<see cref="ILoanPoolAlerts"/>) and an audit entry.
/// ServiceCenter and admin only; <c>operationKey</c> as for the other register services.
/// </summary>
public interface ILoanPool
{
    Task<LoanPoolView> GetAsync(RegisterUser user, CancellationToken ct = default);

    /// <summary>Sets an in-stock device apart for loans, kept at <paramref name="site"/> (one of the configured sites) if given.</summary>
    Task<DeviceView> AddAsync(RegisterUser user, Guid deviceId, string? site = null, string? operationKey = null, CancellationToken ct = default);

    /// <summary>Returns a pool device that is not on loan to ordinary stock.</summary>
    Task<DeviceView> RemoveAsync(RegisterUser user, Guid deviceId, string? operationKey = null, CancellationToken ct = default);

    Task<LoanPoolModel> SetMinimumAsync(RegisterUser user, string model, int minimum, string? operationKey = null, CancellationToken ct = default);

    /// <summary>Lends a pool device to a person: InStock → OnLoan, with a loan assignment.</summary>
    Task<DeviceView> StartLoanAsync(RegisterUser user, Guid deviceId, string employeeId, string? operationKey = null,
        CancellationToken ct = default);

    /// <summary>The loan device is back: OnLoan → InStock, in the pool again.</summary>
    Task<DeviceView> EndLoanAsync(RegisterUser user, Guid deviceId, string? operationKey = null, CancellationToken ct = default);
}

/// <param name="Available">Pool devices of the model in stock, ready to lend.</param>
public sealed record LoanPoolModel(string Model, int Available, int OnLoan, int Minimum, bool BelowMinimum);

/// <param name="Available">Pool devices of any model at the site in stock, ready to lend.</param>
public sealed record LoanPoolSiteLevel(string Site, int Available, int OnLoan, int Minimum, bool BelowMinimum);

public sealed record LoanPoolView(IReadOnlyList<LoanPoolModel> Models, IReadOnlyList<DeviceView> Devices)
{
    /// <summary>The configured sites in their order (then any site only a device still names), each against its minimum.</summary>
    public IReadOnlyList<LoanPoolSiteLevel> Sites { get; init; } = [];

    /// <summary>Pool devices kept at no site.</summary>
    public int Unplaced { get; init; }

    /// <summary>Loans not yet ended, longest out first.</summary>
    public IReadOnlyList<LoanView> Loans { get; init; } = [];
}

/// <summary>A loan device out: to whom, since when; overdue after <see cref="RegisterOptions.LoanOverdueAfter"/>.</summary>
public sealed record LoanView(Guid DeviceId, string? Imei, string Model, string EmployeeId, string? PersonName, DateTimeOffset Since,
    bool Overdue)
{
    /// <summary>The site the loan device came from, where it goes back.</summary>
    public string? Site { get; init; }
}
