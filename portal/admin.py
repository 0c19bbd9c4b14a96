from django.contrib import admin

admin.site.site_header = "Short breaks back office"
admin.site.site_title = "Short breaks back office"
admin.site.index_title = "Keep the short breaks offer up to date"
