using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Privacy;

namespace RJH.DeviceWorkflows.Host.Features.Forms;

/// <summary>
/// Makes every form field marked <c>"properties": {"rjh:personal": "true"}</c> a personal variable of the engine (by its
/// variable name, the last part of its path), besides the names of <c>Engine:PersonalVariables</c>.
/// </summary>
internal sealed class FormPersonalFields(FormCatalog forms) : IConfigureOptions<PersonalVariableOptions>
{
    public void Configure(PersonalVariableOptions options)
    {
        var names = forms.Keys.Select(key => forms.Find(key)).OfType<FormSchema>()
            .SelectMany(form => form.Fields).Where(field => field.IsPersonal && field.Path is not null)
            .Select(field => field.Path!.Split('.')[^1]);
        options.Names.AddRange(names.Except(options.Names, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase));
    }
}
