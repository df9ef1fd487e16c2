using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Features.Costs;

/// <summary>What things cost, for <c>/costs</c> (section <c>Costs</c>). The defaults are the seeds' figures; fees are the region's to set.</summary>
public sealed class CostOptions
{
    public const string Section = "Costs";

    /// <summary>The price of a device when none is recorded (the seeds' average per phone).</summary>
    public decimal DefaultPhonePriceSek { get; set; } = 7000;

    /// <summary>The period a device is used and costs are reckoned over (the seeds' six years).</summary>
    public int HorizonYears { get; set; } = 6;

    /// <summary>Monthly fee per subscription type (Voice, DataOnly), as the operator agreement says.</summary>
    public Dictionary<SubscriptionUsage, decimal> SubscriptionMonthlyFeeSek { get; set; } = new()
    {
        [SubscriptionUsage.Voice] = 200,
        [SubscriptionUsage.DataOnly] = 100,
    };

    /// <summary>The fleet size the organisation models' yearly figures are given for.</summary>
    public int ReferenceFleet { get; set; } = 2500;

    /// <summary>The seeds' organisation models with their yearly cost range in MSEK for <see cref="ReferenceFleet"/> phones.</summary>
    public List<OrganisationModel> Models { get; set; } =
    [
        new() { Name = "Alt 1", LowMsek = 4.3m, HighMsek = 6.4m },
        new() { Name = "Alt 2", LowMsek = 7.3m, HighMsek = 9.4m },
        new() { Name = "Alt 3", LowMsek = 12.8m, HighMsek = 16.5m },
    ];

    /// <summary>A loan day costs the loan phone's share of its price over the horizon.</summary>
    public decimal LoanDaySek => DefaultPhonePriceSek / (HorizonYears * 365m);

    public decimal FeeOf(SubscriptionUsage usage) => SubscriptionMonthlyFeeSek.GetValueOrDefault(usage);
}

public sealed class OrganisationModel
{
    public string Name { get; set; } = "";
    public decimal LowMsek { get; set; }
    public decimal HighMsek { get; set; }
}
