// Namespaces nearly every feature page uses; one place instead of a header in every file.
global using System.ComponentModel.DataAnnotations;
global using CommissioningPortal.Data;
global using CommissioningPortal.Data.Identity;
global using CommissioningPortal.Web.Infrastructure;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Identity;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
