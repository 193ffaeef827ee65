using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Services.Dashboard;

namespace Rampart.Web.Pages;

public sealed class IndexModel(DashboardQueries dashboard) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await dashboard.GetAsync(cancellationToken);
}
