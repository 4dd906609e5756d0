import community.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('community', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='RegionPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='introduction')),
            ],
            options={
                'verbose_name': 'region',
                'verbose_name_plural': 'regions',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='CountryPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('iso_code', models.CharField(db_index=True, help_text='ISO 3166-1 alpha-2 code, for example BJ (EU for the Union).', max_length=2, verbose_name='ISO code')),
                ('intro', models.TextField(blank=True, max_length=2000, verbose_name='introduction')),
                ('capacity_level', models.PositiveSmallIntegerField(choices=[(0, '0 · No CHM national focal point'), (1, '1 · Focal point under-equipped'), (2, '2 · No national CHM website'), (3, '3 · National CHM on the web'), (4, '4 · National CHM complete and operational'), (5, '5 · Advanced CHM')], default=0, verbose_name='CHM capacity level')),
                ('national_website', models.URLField(blank=True, verbose_name='national CHM website')),
                ('feed_url', models.URLField(blank=True, help_text='RSS or Atom feed of the national CHM website, if it has one.', validators=[community.validators.validate_feed_url], verbose_name='national news feed')),
                ('editor_group', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='auth.group', verbose_name='national editors group')),
                ('focal_point_group', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='auth.group', verbose_name='focal points group')),
            ],
            options={
                'verbose_name': 'country',
                'verbose_name_plural': 'countries',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.AddField(
            model_name='user',
            name='country',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='members', to='community.countrypage', verbose_name='country'),
        ),
    ]
