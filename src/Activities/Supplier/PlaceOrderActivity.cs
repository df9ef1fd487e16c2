using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Supplier;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Activities.Supplier;

/// <summary>
/// Organisation model Alt 3: hands the order to the external supplier, who procures the device, pre-configures it for
/// the region's MDM and delivers it. The workflow then waits for message <c>supplier-delivered</c> keyed by the
/// output <c>supplierOrderId</c>. A job: the supplier is an outside system, and a retry with the same idempotency key
/// places the order once.
/// </summary>
[Activity("Supplier.PlaceOrder", Category = "Supplier", DisplayNameSv = "Beställ hos leverantören",
    DisplayNameEn = "Place order with supplier", Execution = ActivityExecution.Job,
    DescriptionSv = "Beställer enheten hos leverantören, som köper in, förkonfigurerar och levererar den. BPMN-fel supplier-rejected när leverantören nekar.",
    DescriptionEn = "Orders the device from the supplier, who procures, pre-configures and delivers it. BPMN error supplier-rejected when the supplier refuses.")]
[ActivityInput("orderId", ActivityValueType.String, Required = true, DescriptionSv = "Regionens beställnings-id", DescriptionEn = "The region's order id")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Medarbetarens HSA-id", DescriptionEn = "The employee's HSA id")]
[ActivityInput("deviceType", ActivityValueType.String, Required = true, DescriptionSv = "Enhetstyp", DescriptionEn = "Device type",
    Choices = [nameof(SupplierDeviceType.Phone), nameof(SupplierDeviceType.Tablet), nameof(SupplierDeviceType.DataOnlyPhone)])]
[ActivityInput("employeeName", ActivityValueType.String, DescriptionSv = "Namn på mottagaren (annars leverantörens uppslag i HSA)",
    DescriptionEn = "Recipient's name (otherwise the supplier looks it up in HSA)")]
[ActivityInput("unitId", ActivityValueType.String, DescriptionSv = "Enhet att leverera till", DescriptionEn = "Unit to deliver to")]
[ActivityOutput("supplierOrderId", ActivityValueType.String, DescriptionSv = "Leverantörens order-id (nyckel för supplier-delivered)",
    DescriptionEn = "The supplier's order id (key of supplier-delivered)")]
[ActivityOutput("expectedDelivery", ActivityValueType.Date, DescriptionSv = "Beräknad leveransdag", DescriptionEn = "Expected delivery date")]
public sealed class PlaceOrderActivity(ISupplierClient supplier) : IActivity
{
    /// <summary>The BPMN error a model may catch when the supplier refuses the order for good.</summary>
    public const string RejectedError = "supplier-rejected";

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var request = new SupplierOrderRequest(
            context.RequiredString("orderId"),
            new SupplierOrderHolder(context.RequiredString("employeeId"), context.OptionalString("employeeName"), context.OptionalString("unitId")),
            context.RequiredEnum<SupplierDeviceType>("deviceType"));
        SupplierOrder order;
        try
        {
            order = await supplier.PlaceOrderAsync(request, context.IdempotencyKey, ct);
        }
        catch (AdapterRejectedException e) when (IsBusinessRefusal(e.Code))
        {
            // The code is a machine token (never the supplier's prose), so it is safe in the journal.
            throw new BpmnErrorException(RejectedError, $"The supplier refused the order: {e.Code}.");
        }
        // AdapterUnavailableException is not caught: the engine retries the job with the same key.
        return ActivityInputs.Outputs(("supplierOrderId", order.Id), ("expectedDelivery", order.ExpectedDelivery)) with
        {
            JournalNote = $"Supplier order {order.Id}, expected {order.ExpectedDelivery:yyyy-MM-dd}",
        };
    }

    // Refused credentials, a malformed request or a reused key are faults of our configuration or model, not a
    // decision of the supplier: they fail the step (an incident) instead of taking a path the model drew for refusals.
    private static bool IsBusinessRefusal(string code) => code is not
        (AdapterErrorCodes.Unauthorized or AdapterErrorCodes.InvalidRequest or AdapterErrorCodes.IdempotencyKeyReused);
}
