# ruff: noqa: E501 - multilingual demo text reads better unwrapped
"""Demo news for `seed_demo`: a few dozen posts across regions, languages, tags."""

from datetime import timedelta

from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.rich_text import RichText

from .models import BlogPostAuthor, BlogPostPage

CEPA = "Communication, education and public awareness (CEPA)"

# (ISO, language, title, intro, tags)
DEMO_NEWS = [
    (
        "BJ",
        "fr",
        "Lancement du nouveau portail national du CHM",
        "Le Bénin met en ligne son centre d'échange national, avec une carte des aires "
        "protégées et un annuaire des experts.",
        ["Protected areas", CEPA],
    ),
    (
        "BJ",
        "fr",
        "Atelier sur les espèces exotiques envahissantes à Cotonou",
        "Trente agents des eaux et forêts formés à l'identification de la jacinthe d'eau "
        "et aux méthodes de lutte.",
        ["Invasive alien species", "Inland waters"],
    ),
    (
        "BJ",
        "en",
        "Benin submits its seventh national report",
        "The report tracks progress towards the national biodiversity targets and the "
        "Kunming-Montreal framework.",
        ["Identification, monitoring, indicators and assessments"],
    ),
    (
        "KE",
        "en",
        "Mangrove restoration reaches 500 hectares in Kwale",
        "Community groups and the Kenya Forest Service have replanted mangroves along the "
        "south coast since 2023.",
        ["Marine and coastal", "Forest"],
    ),
    (
        "KE",
        "en",
        "Training national CHM editors in Nairobi",
        "Editors from six ministries learned to publish news, datasets and case studies "
        "on the national CHM.",
        [CEPA, "Technology transfer and cooperation"],
    ),
    (
        "KE",
        "en",
        "Citizen scientists map pollinators in the Rift Valley",
        "A new smartphone survey has recorded over 4,000 pollinator sightings in its "
        "first season.",
        ["Agricultural biodiversity"],
    ),
    (
        "CM",
        "fr",
        "Le Cameroun publie son atlas de la biodiversité forestière",
        "Un atlas interactif rassemble vingt ans d'inventaires dans le bassin du Congo.",
        ["Forest", "Global Taxonomy Initiative"],
    ),
    (
        "BF",
        "fr",
        "Restauration des terres dégradées au Sahel",
        "Les techniques de zaï et de demi-lunes ont permis de restaurer 1 200 hectares "
        "dans la région du Nord.",
        ["Dry and sub-humid lands", "Sustainable use"],
    ),
    (
        "MA",
        "ar",
        "إطلاق الاستراتيجية الوطنية للتنوع البيولوجي",
        "أطلق المغرب استراتيجيته الوطنية الجديدة للتنوع البيولوجي وخطة عملها حتى عام 2030.",
        ["Biodiversity for development"],
    ),
    (
        "EG",
        "ar",
        "ورشة عمل حول المعارف التقليدية في سيناء",
        "جمعت الورشة ممثلي المجتمعات المحلية والباحثين لتوثيق استخدامات النباتات الطبية.",
        ["Traditional knowledge (Article 8(j))", "Access and benefit-sharing"],
    ),
    (
        "PE",
        "es",
        "Perú amplía su red de áreas naturales protegidas",
        "Se incorporan tres nuevas áreas de conservación regional en la Amazonía y los "
        "Andes.",
        ["Protected areas", "Mountain"],
    ),
    (
        "PE",
        "es",
        "Mecanismo de facilitación: nuevo boletín mensual",
        "El punto focal nacional publica un boletín con noticias, eventos y recursos sobre "
        "la diversidad biológica.",
        [CEPA],
    ),
    (
        "CO",
        "es",
        "Colombia documenta 1.500 especies nuevas en una década",
        "El Sistema de Información sobre Biodiversidad presenta el balance de sus "
        "expediciones científicas.",
        ["Global Taxonomy Initiative"],
    ),
    (
        "MX",
        "es",
        "Polinizadores y seguridad alimentaria en Oaxaca",
        "Productores de café y científicos comparten prácticas para proteger a las abejas "
        "nativas.",
        ["Agricultural biodiversity", "Sustainable use"],
    ),
    (
        "CU",
        "es",
        "Manejo de especies invasoras en ecosistemas insulares",
        "Un proyecto regional con el Caribe compara experiencias de control del pez león.",
        ["Island", "Invasive alien species", "Marine and coastal"],
    ),
    (
        "BR",
        "pt",
        "Brasil lança painel de monitoramento do Cerrado",
        "O novo painel reúne dados de desmatamento e de espécies ameaçadas do bioma.",
        ["Identification, monitoring, indicators and assessments"],
    ),
    (
        "CN",
        "zh-hans",
        "中国发布生物多样性保护重大工程进展",
        "国家林业和草原局介绍了国家公园体系建设和珍稀物种保护的最新成果。",
        ["Protected areas", "Forest"],
    ),
    (
        "VN",
        "en",
        "Viet Nam protects limestone karst biodiversity",
        "New surveys in the north uncovered rare orchids and two cave-dwelling fish "
        "species.",
        ["Mountain", "Global Strategy for Plant Conservation"],
    ),
    (
        "FJ",
        "en",
        "Fiji's coastal communities lead marine protected areas",
        "Locally managed marine areas now cover a fifth of Fiji's inshore fishing "
        "grounds.",
        ["Marine and coastal", "Island", "Protected areas"],
    ),
    (
        "IN",
        "en",
        "People's biodiversity registers pass 250,000",
        "Village biodiversity committees across India have documented local species and "
        "traditional uses.",
        ["Traditional knowledge (Article 8(j))"],
    ),
    (
        "RU",
        "ru",
        "Россия расширяет сеть особо охраняемых природных территорий",
        "В Арктической зоне создан новый национальный парк площадью более миллиона "
        "гектаров.",
        ["Protected areas", "Climate change"],
    ),
    (
        "UA",
        "en",
        "Ukraine assesses damage to protected areas",
        "A national assessment maps harm to ecosystems and plans their recovery.",
        ["Impact assessment", "Protected areas"],
    ),
    (
        "RO",
        "en",
        "Danube Delta: wetlands restoration results",
        "Reconnected side channels have brought back spawning grounds for native fish.",
        ["Inland waters", "Ecosystem approach"],
    ),
    (
        "FR",
        "fr",
        "Partenariat pour les CHM africains : bilan 2026",
        "Vingt centres d'échange nationaux ont été accompagnés en hébergement, formation "
        "et boîtes à outils.",
        ["Technology transfer and cooperation", CEPA],
    ),
    (
        "BE",
        "en",
        "South–South twinning of national CHMs",
        "National CHMs of Burkina Faso and Benin exchange editors and content for a "
        "year.",
        ["Technology transfer and cooperation"],
    ),
    (
        "CA",
        "en",
        "Indigenous-led conservation areas grow",
        "New agreements support Indigenous Protected and Conserved Areas across the "
        "boreal forest.",
        ["Traditional knowledge (Article 8(j))", "Forest"],
    ),
    (
        "ZA",
        "en",
        "South Africa tracks invasive species with eDNA",
        "Environmental DNA sampling detects invasive fish in rivers before they spread.",
        ["Invasive alien species", "Inland waters"],
    ),
    (
        "SN",
        "fr",
        "Gestion participative des aires marines au Sénégal",
        "Les pêcheurs du Saloum participent au suivi des stocks et des mangroves.",
        ["Marine and coastal", "Sustainable use"],
    ),
    (
        "MG",
        "fr",
        "Madagascar : les lémuriens au cœur de l'écotourisme",
        "Des guides communautaires formés accueillent les visiteurs dans trois parcs.",
        ["Tourism", "Protected areas"],
    ),
    (
        "JO",
        "ar",
        "حماية التنوع البيولوجي في الأراضي الجافة",
        "مشروع جديد لإعادة تأهيل المراعي في البادية الأردنية بمشاركة المجتمعات المحلية.",
        ["Dry and sub-humid lands"],
    ),
]


def seed_news(countries: dict, authors: dict) -> int:
    """Create the demo news once; a second run finds them and adds nothing."""
    created = 0
    now = timezone.now()
    tags = {tag.name.lower(): tag for tag in Tag.objects.all()}
    for n, (iso, language, title, intro, tag_names) in enumerate(DEMO_NEWS):
        country = countries.get(iso)
        if country is None:
            continue
        slug = slugify(title)[:60] or f"news-{n}"
        if BlogPostPage.objects.filter(country=country, slug=slug).exists():
            continue
        country.refresh_from_db()
        post = BlogPostPage(
            title=title,
            slug=slug,
            intro=intro,
            language=language,
            published_at=now - timedelta(days=n * 3, hours=n),
            body=[("paragraph", RichText(f"<p>{escape(intro)}</p>"))],
        )
        for name in tag_names:
            post.tags.add(tags[name.lower()])
        author = authors.get(iso)
        if author:
            post.post_authors.add(BlogPostAuthor(author=author))
        country.add_child(instance=post)
        created += 1
    return created
