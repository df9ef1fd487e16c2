using RJH.DeviceWorkflows.Rules.Facts;
using RulesEngine.Models;

namespace RJH.DeviceWorkflows.Rules.Evaluation;

/// <summary>
/// RulesEngine settings under which an expression reaches only the facts (as parameters), their
/// enums (by name) and <see cref="PolicyFunctions"/>. The validator's tree walk enforces the rest.
/// </summary>
internal static class HardenedSettings
{
    public static ReSettings Create() => new()
    {
        // Registering input types would let expressions call any method of them; ours are records, but
        // a later fact type may not be, and the allow-list should not grow by accident.
        AutoRegisterInputType = false,
        CustomTypes =
        [
            typeof(PolicyFunctions), typeof(DeviceType), typeof(RequestReason), typeof(Rollout),
            typeof(AssessmentScope), typeof(AssessmentStatus),
        ],
        CustomActions = [],
        // Global/local params and actions are more expressions; the policy format has none.
        EnableScopedParams = false,
        AutoExecuteActions = false,
        // "$(input.x)" in ErrorMessage would read facts through RulesEngine's own reflection.
        EnableFormattedErrorMessage = false,
        EnableExceptionAsErrorMessage = true,
        EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
        IgnoreException = false,
        // camelCase in rules ("employee.hasOwnExtension") matches the JSON facts people see.
        IsExpressionCaseSensitive = false,
        // The framework's compiler: slower to compile (once per version) but the reference semantics.
        UseFastExpressionCompiler = false,
        NestedRuleExecutionMode = NestedRuleExecutionMode.Performance,
    };
}
