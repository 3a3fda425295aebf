"""Annotations of the French written pages (fr01-fr20). See make_gold.py and README.md."""

from make_gold import agreement, country, event, initiative, org, page, person, place

# --- fr01 Côte d'Ivoire - Maroc, formation professionnelle ------------------------------------------
page("fr01", "fr", "2025-03-25",
     "Formation professionnelle : Abidjan et Rabat signent une convention pour 2 000 jeunes")
country("ci", "Côte d'Ivoire", "CI", ["Cote d'Ivoire", "République de Côte d'Ivoire", "Ivory Coast"])
country("ma", "Maroc", "MA", ["Morocco", "Royaume du Maroc"])
place("abidjan", "Abidjan", "CI", required=True)
place("yamoussoukro", "Yamoussoukro", "CI")
place("casablanca", "Casablanca", "MA")
place("tanger", "Tanger", "MA", aliases=["Tangier"])
org("metfpa", "Ministère de l'Enseignement technique, de la Formation professionnelle et de l'Apprentissage",
    "CI", "government", required=False)
person("kone", "Aya Koné Traoré", "CI",
       "ministre de l'Enseignement technique, de la Formation professionnelle et de l'Apprentissage",
       "metfpa", ["Mme Aya Koné Traoré", "Aya Kone Traore"])
org("ofppt", "Office de la formation professionnelle et de la promotion du travail", "MA", "government", ["OFPPT"])
person("elidrissi", "Youssef El Idrissi", "MA", "directeur général de l'OFPPT", "ofppt",
       ["M. Youssef El Idrissi", "El Idrissi", "M. El Idrissi"])
org("amci", "Agence marocaine de coopération internationale", "MA", "government", ["AMCI"])
agreement("a-convention", "cooperation_pact", "Convention de coopération ivoiro-marocaine en formation professionnelle",
          ["ci", "ofppt"], ["CI", "MA"], "signed", ["education"],
          ["La Côte d'Ivoire et le Maroc ont signé lundi à Abidjan une convention de coopération dans le domaine de la formation professionnelle",
           "Le texte a été signé par la ministre ivoirienne"],
          kind_any=["intergovernmental_agreement", "memorandum_of_understanding", "other"],
          date="2025-03-24", place="Abidjan", signatories=["kone", "elidrissi"])
initiative("i-jeunes", "training", "Formation de 2 000 jeunes Ivoiriens d'ici 2027", [], ["CI", "MA"], "planned",
           ["education"],
           ["qui doit permettre à 2 000 jeunes Ivoiriens d'être formés dans les métiers de l'industrie, du tourisme et du BTP d'ici 2027"],
           end="2027", framework="a-convention")
initiative("i-formateurs", "training", "Stages de 150 formateurs ivoiriens par an dans les instituts de l'OFPPT",
           ["ofppt"], ["MA", "CI"], "planned", ["education"],
           ["l'OFPPT accueillera chaque année 150 formateurs ivoiriens dans ses instituts de Casablanca et de Tanger pour des stages de perfectionnement",
            "Un premier groupe doit partir en septembre prochain"],
           kind_any=["internship", "exchange_programme"], start="2025-09", framework="a-convention")
initiative("i-centre", "infrastructure", "Centre de formation aux métiers de l'automobile à Yamoussoukro", [],
           ["CI", "MA"], "agreed", ["education", "transport"],
           ["Les deux parties ont également convenu de créer à Yamoussoukro un centre de formation aux métiers de l'automobile"],
           kind_any=["training", "other"], framework="a-convention", note="financement à définir")
initiative("i-bourses", "scholarship", "Bourses de l'AMCI pour une centaine d'étudiants ivoiriens par an", ["amci"],
           ["MA", "CI"], "ongoing", ["education"],
           ["Depuis 2018, une centaine d'étudiants ivoiriens bénéficient chaque année de bourses de l'Agence marocaine de coopération internationale (AMCI)"],
           start="2018")

# --- fr02 Québec - Wallonie-Bruxelles, commission mixte ----------------------------------------------
page("fr02", "fr", "2024-06-06", "La 12e Commission mixte Québec–Wallonie-Bruxelles retient 38 projets")
place("quebec", "Québec", "CA", "region", ["Quebec", "province de Québec"], required=True)
place("wb", "Wallonie-Bruxelles", "BE", "region", ["Fédération Wallonie-Bruxelles", "Wallonia-Brussels"],
      required=True)
place("bruxelles", "Bruxelles", "BE", aliases=["Brussels"])
person("berube", "Claudine Bérubé", "CA", "sous-ministre adjointe aux Relations internationales du Québec",
       aliases=["Mme Claudine Bérubé", "Claudine Berube"])
org("wbi", "Wallonie-Bruxelles International", "BE", "government", ["WBI"])
person("dethier", "Pascal Dethier", "BE", "délégué général de Wallonie-Bruxelles International", "wbi",
       ["M. Pascal Dethier"])
org("mrif", "Ministère des Relations internationales et de la Francophonie", "CA", "government", ["MRIF"],
    required=False)
org("trident", "Théâtre du Trident", "CA", "cultural_institution", ["Trident"])
org("namur", "Théâtre de Namur", "BE", "cultural_institution")
org("laval", "Université Laval", "CA", "education")
org("liege", "Université de Liège", "BE", "education", ["ULiège"])
event("e-commission", "meeting", "12e Commission mixte permanente Québec–Wallonie-Bruxelles", ["berube", "dethier"],
      ["CA", "BE"], "held", ["culture", "education", "science"],
      ["Réunie à Québec les 4 et 5 juin, la 12e Commission mixte permanente Québec–Wallonie-Bruxelles",
       "La rencontre était coprésidée par la sous-ministre adjointe aux Relations internationales du Québec, Mme Claudine Bérubé, et par le délégué général de Wallonie-Bruxelles International (WBI), M. Pascal Dethier"],
      kind_any=["talks", "other"], date="2024-06-04", end_date="2024-06-05", place="Québec")
initiative("i-programme", "other", "Programme de 38 projets de coopération Québec–Wallonie-Bruxelles 2024-2026",
           ["quebec", "wb"], ["CA", "BE"], "agreed", ["culture", "education", "science"],
           ["a adopté un programme de 38 projets de coopération pour 2024-2026"],
           kind_any=["exchange_programme"], start="2024", end="2026")
initiative("i-theatre", "co_production", "Coproduction théâtrale du Théâtre du Trident et du Théâtre de Namur",
           ["trident", "namur"], ["CA", "BE"], "planned", ["performing_arts"],
           ["une coproduction théâtrale entre le Théâtre du Trident et le Théâtre de Namur, qui sera présentée dans les deux capitales en 2025"],
           start="2025", framework="i-programme")
initiative("i-ia", "joint_research", "Recherche conjointe Laval–Liège sur l'intelligence artificielle et la langue française",
           ["laval", "liege"], ["CA", "BE"], "agreed", ["science", "language", "digital"],
           ["un projet de recherche conjoint sur l'intelligence artificielle et la langue française mené par l'Université Laval et l'Université de Liège"],
           framework="i-programme")
initiative("i-residence", "exchange_programme", "Résidence d'écriture croisée pour jeunes auteurs de bande dessinée",
           [], ["CA", "BE"], "idea", ["literature"],
           ["convenu d'étudier la création d'une résidence d'écriture croisée pour les jeunes auteurs de bande dessinée"],
           kind_any=["other"], note="« convenu d'étudier » : idée")
agreement("a-entente", "intergovernmental_agreement", "Entente de coopération Québec–Wallonie-Bruxelles (1999)",
          ["quebec", "wb"], ["CA", "BE"], "in_force", ["culture", "education"],
          ["repose sur une entente signée en 1999"],
          kind_any=["cooperation_pact", "other"], date="1999")
event("e-next", "meeting", "13e Commission mixte à Bruxelles", [], ["CA", "BE"], "planned", ["diplomacy"],
      ["La prochaine commission mixte se tiendra à Bruxelles en 2026"],
      kind_any=["talks", "other"], date="2026", place="Bruxelles")

# --- fr03 Tunisie - Japon, santé ----------------------------------------------------------------------
page("fr03", "fr", "2024-02-19",
     "Le Japon offre un service d'imagerie médicale à l'hôpital Habib-Bourguiba de Sfax")
country("tn", "Tunisie", "TN", ["Tunisia", "République tunisienne"])
country("jp", "Japon", "JP", ["Japan"])
place("sfax", "Sfax", "TN", required=True)
place("tunis", "Tunis", "TN")
place("osaka", "Osaka", "JP")
org("hopital", "Hôpital universitaire Habib-Bourguiba de Sfax", "TN", "other",
    ["hôpital Habib-Bourguiba", "hôpital universitaire Habib-Bourguiba"])
person("bensalah", "Mounir Ben Salah", "TN", "ministre de la Santé", aliases=["Dr Mounir Ben Salah"])
person("tanabe", "Hiroshi Tanabe", "JP", "ambassadeur du Japon en Tunisie",
       aliases=["M. Hiroshi Tanabe", "Tanabe", "l'ambassadeur Tanabe"])
org("jica", "Agence japonaise de coopération internationale", "JP", "government",
    ["JICA", "Japan International Cooperation Agency"])
org("salahazaiz", "Institut Salah-Azaïz", "TN", "other", required=False)
event("e-inauguration", "inauguration", "Inauguration du service d'imagerie médicale de l'hôpital Habib-Bourguiba",
      ["bensalah", "tanabe"], ["TN", "JP"], "held", ["health"],
      ["a été inauguré samedi à l'hôpital universitaire Habib-Bourguiba de Sfax, en présence du ministre de la Santé, le Dr Mounir Ben Salah, et de l'ambassadeur du Japon en Tunisie, M. Hiroshi Tanabe"],
      date="2024-02-17", place="Sfax", venue="@hopital")
initiative("i-don", "investment", "Don japonais d'équipements d'imagerie médicale (4,5 millions de dinars)", ["jica"],
           ["JP", "TN"], "completed", ["health"],
           ["Un service d'imagerie médicale entièrement équipé grâce à un don du Japon",
            "a été financé par l'Agence japonaise de coopération internationale (JICA)"],
           kind_any=["infrastructure", "other"], end="2024-02-17", framework="a-don")
agreement("a-don", "intergovernmental_agreement", "Accord de don tuniso-japonais (2022)", ["tn", "jp"],
          ["TN", "JP"], "signed", ["health"], ["dans le cadre d'un accord de don signé à Tunis en 2022"],
          kind_any=["contract", "other"], date="2022", place="Tunis")
initiative("i-formation", "training", "Formation de médecins et techniciens de Sfax à Osaka", ["jica"], ["JP", "TN"],
           "planned", ["health", "education"],
           ["des médecins et techniciens de l'hôpital suivraient au printemps une formation de trois semaines à Osaka, organisée par la JICA"],
           start="2024")
initiative("i-extension", "other", "Extension du programme aux hôpitaux de Gabès et de Gafsa", [], ["JP", "TN"],
           "idea", ["health"],
           ["a évoqué la possibilité d'étendre ce programme aux hôpitaux de Gabès et de Gafsa"],
           kind_any=["investment", "infrastructure"], note="évoqué par l'ambassadeur Tanabe")
initiative("i-salahazaiz", "infrastructure", "Contribution japonaise à la construction de l'Institut Salah-Azaïz",
           [], ["JP", "TN"], "completed", ["health"],
           ["Le Japon a notamment contribué à la construction de l'Institut Salah-Azaïz de cancérologie à Tunis"],
           required=False, note="contexte")

# --- fr04 Vietnam - France, métro de Hanoï ---------------------------------------------------------------
page("fr04", "fr", "2024-10-10", "Métro de Hanoï : la ligne 3 accumule les retards, l'AFD prolonge son prêt")
country("vn", "Vietnam", "VN", ["Viêt Nam", "Viet Nam"])
country("fr", "France", "FR", ["République française"])
place("hanoi", "Hanoï", "VN", aliases=["Hanoi", "Ha Noi"], required=True)
org("cph", "Comité populaire de Hanoï", "VN", "municipality", ["Comité populaire de la ville de Hanoï"])
org("afd", "Agence française de développement", "FR", "government", ["AFD"])
person("bassiere", "Laurent Bassière", "FR", "directeur de l'AFD au Vietnam", "afd", ["M. Laurent Bassière"])
person("tuan", "Duong Duc Tuan", "VN", "vice-président du Comité populaire de Hanoï", "cph", ["M. Duong Duc Tuan"])
org("mof", "Ministère des Finances du Vietnam", "VN", "government", ["ministère vietnamien des Finances"],
    required=False)
org("ratp", "RATP", "FR", "company", ["Régie autonome des transports parisiens"])
org("vna", "Agence vietnamienne d'information", "VN", "media", ["VNA"], required=False)
initiative("i-ligne3", "infrastructure", "Ligne 3 du métro de Hanoï (financements français)", [], ["VN", "FR"],
           "stalled", ["transport"],
           ["La mise en service complète de la ligne 3 du métro de Hanoï, construite avec des financements français, a de nouveau été repoussée",
            "Les travaux de la station souterraine de Cat Linh sont à l'arrêt depuis plusieurs mois"],
           kind_any=["investment"], note="tronçon aérien en service depuis août 2024 ; tronçon souterrain en chantier")
initiative("i-pret", "investment", "Prolongation du prêt de l'AFD jusqu'en 2027", ["afd"], ["FR", "VN"], "agreed",
           ["transport", "investment"],
           ["L'Agence française de développement (AFD) a accepté de prolonger jusqu'en 2027 la durée de son prêt"],
           kind_any=["other"], end="2027", framework="i-ligne3")
event("e-rencontre", "meeting", "Rencontre de Laurent Bassière (AFD) et Duong Duc Tuan", ["bassiere", "tuan"],
      ["FR", "VN"], "held", ["transport"],
      ["M. Laurent Bassière, a rencontré le 6 octobre le vice-président du Comité populaire de Hanoï, M. Duong Duc Tuan"],
      kind_any=["talks"], date="2024-10-06", place="Hanoï")
initiative("i-comite", "regular_meetings", "Comité technique conjoint mensuel sur la ligne 3", [], ["FR", "VN"],
           "agreed", ["transport"],
           ["Les deux parties ont convenu de créer un comité technique conjoint, qui se réunira tous les mois jusqu'à la fin des travaux"],
           framework="i-ligne3")
initiative("i-ratp", "training", "Formation des conducteurs du métro de Hanoï par la RATP", ["ratp"], ["FR", "VN"],
           "ongoing", ["transport", "education"],
           ["un programme de formation des conducteurs mis en œuvre par la RATP depuis 2021"], start="2021")

# --- fr05 Maurice - Madagascar, accord commercial ------------------------------------------------------
page("fr05", "fr", "2024-05-14",
     "Accord commercial préférentiel : Maurice et Madagascar reprennent les négociations")
country("mu", "Maurice", "MU", ["Mauritius", "République de Maurice", "île Maurice"])
country("mg", "Madagascar", "MG", ["République de Madagascar"])
place("portlouis", "Port-Louis", "MU", aliases=["Port Louis"], required=True)
place("antananarivo", "Antananarivo", "MG")
place("toamasina", "Toamasina", "MG", aliases=["Tamatave"])
person("rakotoarisoa", "Hery Rakotoarisoa", "MG", "ministre de l'Industrialisation et du Commerce",
       aliases=["M. Hery Rakotoarisoa"])
person("doorgakant", "Vikash Doorgakant", "MU", "ministre du Commerce et de la Protection des consommateurs",
       aliases=["M. Vikash Doorgakant"])
org("mcia", "Mauritius Cane Industry Authority", "MU", "government", ["MCIA"])
org("fofifa", "Centre national de recherche appliquée au développement rural", "MG", "research", ["FOFIFA"])
agreement("a-apc", "other", "Accord commercial préférentiel Maurice–Madagascar", ["mu", "mg"], ["MU", "MG"],
          "under_negotiation", ["trade", "agriculture"],
          ["Les négociations sur un accord commercial préférentiel entre Maurice et Madagascar ont repris lundi à Port-Louis",
           "Les deux pays espèrent le signer avant la fin de l'année"],
          kind_any=["intergovernmental_agreement", "treaty"], date="2024-05-13")
event("e-negociations", "talks", "Session de négociations commerciales à Port-Louis", ["rakotoarisoa", "doorgakant"],
      ["MG", "MU"], "held", ["trade"],
      ["La délégation malgache était conduite par le ministre de l'Industrialisation et du Commerce, M. Hery Rakotoarisoa, reçu par son homologue mauricien, M. Vikash Doorgakant",
       "Les discussions doivent se poursuivre jusqu'à mercredi"],
      kind_any=["meeting", "working_visit"], date="2024-05-13", end_date="2024-05-15", place="Port-Louis",
      note="en cours à la date de publication")
event("e-visite", "official_visit", "Visite du Premier ministre mauricien à Antananarivo", [], ["MU", "MG"],
      "planned", ["trade", "diplomacy"], ["lors de la visite à Antananarivo du Premier ministre mauricien"],
      kind_any=["state_visit", "working_visit"], date="2024", place="Antananarivo")
initiative("i-ligne", "infrastructure", "Ligne maritime régulière Port-Louis–Toamasina", [], ["MU", "MG"], "idea",
           ["transport", "trade"],
           ["Les deux ministres ont aussi évoqué la possibilité d'une ligne maritime régulière entre Port-Louis et Toamasina"],
           kind_any=["other"])
initiative("i-canne", "joint_research", "Projet commun MCIA–FOFIFA sur la canne à sucre résistante à la sécheresse",
           ["mcia", "fofifa"], ["MU", "MG"], "ongoing", ["agriculture", "science"],
           ["le Mauritius Cane Industry Authority et le Centre national de recherche appliquée au développement rural (FOFIFA) mènent depuis 2022 un projet commun"],
           start="2022")

# --- fr06 Suisse - Colombie, glaciers -------------------------------------------------------------------
page("fr06", "fr", "2024-04-03",
     "Glaciers des Andes : l'EPFL et l'Université nationale de Colombie lancent un projet commun")
country("ch", "Suisse", "CH", ["Switzerland", "Confédération suisse"])
country("co", "Colombie", "CO", ["Colombia", "République de Colombie"])
place("lausanne", "Lausanne", "CH")
place("bogota", "Bogotá", "CO", aliases=["Bogota"])
place("boyaca", "Boyacá", "CO", "region")
org("epfl", "École polytechnique fédérale de Lausanne", "CH", "education", ["EPFL"])
org("unal", "Université nationale de Colombie", "CO", "education",
    ["UNAL", "Universidad Nacional de Colombia"])
org("fns", "Fonds national suisse", "CH", "research", ["FNS", "Fonds national suisse de la recherche scientifique"])
org("minciencias", "Ministère colombien de la Science", "CO", "government",
    ["ministère colombien de la Science", "Minciencias"])
person("rochat", "Anne-Laure Rochat", "CH", "professeure, Laboratoire d'hydrologie alpine (EPFL)", "epfl",
       ["la professeure Anne-Laure Rochat"])
person("castano", "Andrés Felipe Castaño", "CO", "professeur à la faculté d'ingénierie (UNAL, Bogotá)", "unal",
       ["le professeur Andrés Felipe Castaño", "Andres Felipe Castano"])
initiative("i-glaciers", "joint_research", "Projet de recherche EPFL–UNAL sur la fonte des glaciers de la Sierra Nevada del Cocuy",
           ["epfl", "unal", "fns", "minciencias"], ["CH", "CO"], "ongoing", ["science", "water", "climate"],
           ["L'École polytechnique fédérale de Lausanne (EPFL) et l'Université nationale de Colombie (UNAL) ont lancé ce mois-ci un projet de recherche commun",
            "Financé à hauteur de 1,2 million de francs par le Fonds national suisse (FNS) et par le ministère colombien de la Science, le projet durera quatre ans"],
           start="2024-04", end="2028", note="dirigé par Anne-Laure Rochat et Andrés Felipe Castaño")
initiative("i-terrain", "joint_research", "Première campagne de terrain", [], ["CH", "CO"], "planned", ["science"],
           ["Une première campagne de terrain aura lieu en juillet"], required=False, start="2024-07",
           framework="i-glaciers")
initiative("i-doctorants", "exchange_programme", "Séjour de trois doctorants colombiens à Lausanne", [], ["CO", "CH"],
           "planned", ["education", "science"], ["Trois doctorants colombiens séjourneront ensuite à Lausanne"],
           kind_any=["training", "internship"], framework="i-glaciers")
agreement("a-cadre", "intergovernmental_agreement", "Accord-cadre de coopération scientifique Suisse–Colombie",
          ["ch", "co"], ["CH", "CO"], "in_force", ["science"],
          ["l'accord-cadre de coopération scientifique que la Suisse et la Colombie ont signé en 2019, renouvelé l'an dernier"],
          kind_any=["cooperation_pact", "other"], date="2019", note="renouvelé en 2023")
initiative("i-master", "exchange_programme", "Double diplôme de master en sciences de l'environnement", [],
           ["CH", "CO"], "idea", ["education"],
           ["Les deux universités envisagent également un double diplôme de master en sciences de l'environnement"],
           kind_any=["other", "training"])

# --- fr07 Algérie - Italie, visite d'État -----------------------------------------------------------------
page("fr07", "fr", "2023-01-23",
     "Visite d'État de la présidente du Conseil italien à Alger : le gazoduc au cœur des entretiens")
country("dz", "Algérie", "DZ", ["Algeria", "République algérienne démocratique et populaire"])
country("it", "Italie", "IT", ["Italy", "République italienne"])
place("alger", "Alger", "DZ", aliases=["Algiers"], required=True)
place("rome", "Rome", "IT")
place("hassirmel", "Hassi R'Mel", "DZ")
country("ru", "Russie", "RU", ["Russia"], required=False)
country("tn", "Tunisie", "TN", ["Tunisia"], required=False)
person("valsecchi", "Chiara Valsecchi", "IT", "présidente du Conseil des ministres italien",
       aliases=["Mme Chiara Valsecchi", "Mme Valsecchi"])
org("sonatrach", "Sonatrach", "DZ", "company")
org("eni", "Eni", "IT", "company", ["groupe italien Eni"])
event("e-visite", "state_visit", "Visite d'État de la présidente du Conseil italien Chiara Valsecchi en Algérie",
      ["valsecchi"], ["IT", "DZ"], "held", ["energy", "diplomacy"],
      ["Mme Chiara Valsecchi, a entamé dimanche une visite d'État de deux jours en Algérie",
       "Visite d'État de la présidente du Conseil italien à Alger"],
      date="2023-01-22", end_date="2023-01-23", place="Alger")
event("e-entretiens", "talks", "Entretiens avec le président algérien au palais d'El Mouradia", [], ["IT", "DZ"],
      "held", ["energy", "diplomacy"],
      ["Reçue au palais d'El Mouradia, elle s'est entretenue avec le président algérien"],
      kind_any=["meeting"], date="2023-01-22", place="Alger", venue="palais d'El Mouradia", part_of="e-visite",
      note="Valsecchi only through 'elle'; the Algerian president is not named")
event("e-signature", "signing_ceremony", "Signature de plusieurs accords algéro-italiens", [], ["DZ", "IT"], "held",
      ["energy", "diplomacy"], ["avant que les deux délégations ne signent plusieurs accords"], required=False,
      date="2023-01-22", place="Alger", part_of="e-visite")
agreement("a-mou", "memorandum_of_understanding", "Mémorandum d'entente Sonatrach–Eni sur un nouveau gazoduc",
          ["sonatrach", "eni"], ["DZ", "IT"], "signed", ["energy"],
          ["Le plus important est un mémorandum d'entente entre Sonatrach et le groupe italien Eni"],
          date="2023-01-22", place="Alger", within="e-visite")
initiative("i-gazoduc", "energy_project", "Étude d'un nouveau gazoduc hydrogène et gaz vers l'Italie", [],
           ["DZ", "IT"], "agreed", ["energy"],
           ["l'étude d'un nouveau gazoduc destiné à transporter de l'hydrogène et du gaz vers l'Italie"],
           kind_any=["infrastructure", "joint_research"], framework="a-mou")
agreement("a-declaration", "joint_declaration", "Déclaration conjointe sur le partenariat stratégique algéro-italien",
          ["dz", "it"], ["DZ", "IT"], "signed", ["diplomacy"],
          ["Les deux pays ont également signé une déclaration conjointe sur le renforcement de leur partenariat stratégique"],
          date="2023-01-22", place="Alger", within="e-visite")
agreement("a-renouvelables", "cooperation_pact", "Accord de coopération dans les énergies renouvelables",
          ["dz", "it"], ["DZ", "IT"], "signed", ["renewables", "energy"],
          ["ainsi qu'un accord de coopération dans le domaine des énergies renouvelables"],
          kind_any=["intergovernmental_agreement", "other"], date="2023-01-22", place="Alger", within="e-visite")
event("e-sommet", "summit", "Prochain sommet intergouvernemental algéro-italien à Rome", [], ["DZ", "IT"],
      "planned", ["diplomacy"],
      ["les deux parties prévoient de tenir le prochain sommet intergouvernemental algéro-italien à Rome à l'automne"],
      kind_any=["meeting"], date="2023", place="Rome")
initiative("i-transmed", "infrastructure", "Gazoduc Transmed Algérie–Italie (depuis 1983)", [], ["DZ", "IT"],
           "ongoing", ["energy"],
           ["Le gazoduc Transmed, qui relie les deux pays via la Tunisie, fonctionne depuis 1983"],
           required=False, kind_any=["energy_project"], start="1983", note="contexte")
event("e-usine", "other", "Visite d'une usine d'Eni à Hassi R'Mel", ["valsecchi"], ["IT", "DZ"], "planned",
      ["energy"], ["Mme Valsecchi doit visiter lundi une usine du groupe italien à Hassi R'Mel"],
      required=False, kind_any=["working_visit"], date="2023-01-23", place="Hassi R'Mel", part_of="e-visite")

# --- fr08 Cameroun - Corée du Sud, centre de données --------------------------------------------------
page("fr08", "fr", "2024-07-07", "Numérique : Yaoundé et Séoul s'accordent sur un centre de données national")
country("cm", "Cameroun", "CM", ["Cameroon", "République du Cameroun"])
country("kr", "Corée du Sud", "KR", ["République de Corée", "Corée", "South Korea"])
place("yaounde", "Yaoundé", "CM", aliases=["Yaounde"], required=True)
place("seoul", "Séoul", "KR", aliases=["Seoul"])
place("zamengoe", "Zamengoé", "CM")
org("minepat", "Ministère de l'Économie, de la Planification et de l'Aménagement du territoire", "CM", "government",
    ["Minepat", "MINEPAT"])
person("ngoh", "Alain Ngoh Essomba", "CM",
       "ministre de l'Économie, de la Planification et de l'Aménagement du territoire", "minepat",
       ["M. Alain Ngoh Essomba"])
org("kexim", "Banque coréenne d'import-export", "KR", "government",
    ["Korea Eximbank", "Export-Import Bank of Korea"])
person("kimth", "Kim Tae-hoon", "KR", "représentant de la Korea Eximbank", "kexim", ["M. Kim Tae-hoon"])
person("mvondo", "Estelle Mvondo Abega", "CM", "ministre des Postes et Télécommunications",
       aliases=["Mme Estelle Mvondo Abega"], required=False)
org("nia", "Agence nationale coréenne de la société de l'information", "KR", "government",
    ["NIA", "National Information Society Agency"])
org("enspy", "École nationale supérieure polytechnique", "CM", "education", required=False)
agreement("a-pret", "contract", "Accord de prêt de 65 millions de dollars pour le centre de données national",
          ["minepat", "kexim"], ["CM", "KR"], "signed", ["digital", "investment"],
          ["Le Cameroun et la République de Corée ont signé vendredi à Yaoundé un accord de prêt de 65 millions de dollars",
           "L'accord a été paraphé par le ministre de l'Économie"],
          kind_any=["intergovernmental_agreement", "other"], date="2024-07-05", place="Yaoundé",
          signatories=["ngoh", "kimth"])
initiative("i-centre", "infrastructure", "Centre de données national de Zamengoé", [], ["CM", "KR"], "planned",
           ["digital"],
           ["la construction d'un centre de données national à Zamengoé",
            "Les travaux, confiés à une entreprise coréenne, doivent débuter en janvier 2025"],
           kind_any=["investment"], start="2025-01", framework="a-pret")
initiative("i-formation", "training", "Formation de 120 ingénieurs camerounais par la NIA", ["nia"], ["KR", "CM"],
           "planned", ["digital", "education"],
           ["la formation de 120 ingénieurs camerounais par l'Agence nationale coréenne de la société de l'information (NIA)"],
           framework="a-pret")
agreement("a-investissements", "intergovernmental_agreement", "Accord sur la protection des investissements",
          ["cm", "kr"], ["CM", "KR"], "under_negotiation", ["investment"],
          ["Les deux pays ont par ailleurs entamé des discussions sur un accord relatif à la protection des investissements"],
          kind_any=["treaty"])
initiative("i-tic", "training", "Centre de formation aux TIC de l'École nationale supérieure polytechnique (2014)",
           ["enspy"], ["KR", "CM"], "completed", ["digital", "education"],
           ["la création, grâce à l'aide coréenne, d'un centre de formation aux TIC à l'École nationale supérieure polytechnique"],
           required=False, kind_any=["infrastructure", "other"], end="2014", note="contexte")

# --- fr09 Mexique - France, exposition maya -------------------------------------------------------------
page("fr09", "fr", "2025-02-12", "Mexico accueille les trésors mayas du musée du quai Branly")
country("mx", "Mexique", "MX", ["Mexico", "États-Unis mexicains"])
country("fr", "France", "FR", ["République française"])
place("mexico", "Mexico", "MX", aliases=["Mexico City", "Ciudad de México"], required=True)
place("paris", "Paris", "FR")
place("palenque", "Palenque", "MX")
org("branly", "Musée du quai Branly – Jacques Chirac", "FR", "museum",
    ["musée du quai Branly", "quai Branly", "musée du quai Branly – Jacques Chirac"])
org("inah", "Institut national d'anthropologie et d'histoire", "MX", "government",
    ["INAH", "Instituto Nacional de Antropología e Historia"])
org("mna", "Musée national d'anthropologie", "MX", "museum", ["Museo Nacional de Antropología"])
person("fauvel", "Olivier Fauvel", "FR", "président du musée du quai Branly", "branly", ["M. Olivier Fauvel"])
person("sandoval", "Rocío Sandoval Herrera", "MX", "directrice générale de l'INAH", "inah",
       ["Mme Rocío Sandoval Herrera", "Rocio Sandoval Herrera"])
org("ifal", "Institut français d'Amérique latine", "FR", "cultural_institution", ["IFAL"])
event("e-expo", "exhibition", "Exposition « Mayas, les royaumes de la forêt » au Musée national d'anthropologie",
      ["branly", "inah"], ["FR", "MX"], "planned", ["museums", "archaeology", "culture"],
      ["L'exposition « Mayas, les royaumes de la forêt » ouvrira ses portes le 20 mars au Musée national d'anthropologie de Mexico, avec 120 objets prêtés par le musée du quai Branly – Jacques Chirac et par l'Institut national d'anthropologie et d'histoire (INAH)",
       "Sa présentation au Mexique est prévue jusqu'au 31 août"],
      date="2025-03-20", end_date="2025-08-31", place="Mexico", venue="@mna")
event("e-expo-paris", "exhibition", "Présentation de l'exposition à Paris (octobre 2024 – janvier 2025)", [],
      ["FR", "MX"], "held", ["museums", "archaeology"],
      ["elle a été présentée à Paris d'octobre 2024 à janvier 2025"], required=False,
      date="2024-10", end_date="2025-01", place="Paris", note="première étape de la même exposition, conçue par les deux institutions")
agreement("a-pret", "contract", "Convention de prêt entre le musée du quai Branly et l'INAH", ["branly", "inah"],
          ["FR", "MX"], "signed", ["museums"],
          ["Le président du musée du quai Branly, M. Olivier Fauvel, et la directrice générale de l'INAH, Mme Rocío Sandoval Herrera, ont signé à Mexico une convention de prêt lundi dernier"],
          kind_any=["other", "cooperation_pact"], date="2025-02-10", place="Mexico", signatories=["fauvel", "sandoval"])
initiative("i-steles", "restoration", "Restauration de stèles mayas de Palenque", [], ["FR", "MX"], "planned",
           ["restoration", "heritage"],
           ["Les deux établissements préparent également un programme de restauration de stèles mayas conservées à Palenque, qui doit commencer à l'automne"],
           start="2025")
event("e-festival", "festival", "Festival de films documentaires sur les civilisations précolombiennes à l'IFAL",
      [], ["FR", "MX"], "planned", ["cinema", "culture"],
      ["un festival de films documentaires sur les civilisations précolombiennes sera organisé à l'Institut français d'Amérique latine (IFAL) en avril"],
      kind_any=["screening", "film_week"], date="2025-04", place="Mexico", venue="@ifal")
agreement("a-culturel", "intergovernmental_agreement", "Accord culturel franco-mexicain (1970)", ["fr", "mx"],
          ["FR", "MX"], "in_force", ["culture"],
          ["La France et le Mexique ont signé en 1970 un accord culturel qui encadre ces échanges"],
          required=False, kind_any=["cooperation_pact"], date="1970", note="contexte")

# --- fr10 Luxembourg - Laos, programme indicatif ----------------------------------------------------------
page("fr10", "fr", "2023-11-28", "Le Luxembourg et le Laos signent un nouveau programme indicatif de coopération")
country("lu", "Luxembourg", "LU", ["Grand-Duché de Luxembourg"])
country("la", "Laos", "LA", ["République démocratique populaire lao", "RDP lao", "Lao PDR"])
place("vientiane", "Vientiane", "LA", required=True)
person("weyland", "Marc Weyland", "LU", "ministre de la Coopération au développement",
       aliases=["M. Marc Weyland", "M. Weyland", "Weyland"])
person("sisavath", "Bounthong Sisavath", "LA", "vice-ministre lao du Plan et de l'Investissement",
       aliases=["M. Bounthong Sisavath"])
person("vongsa", "Khamphao Vongsa", "LA", "ministre lao des Affaires étrangères", aliases=["M. Khamphao Vongsa"])
org("luxdev", "LuxDev", "LU", "government", ["Agence luxembourgeoise pour la coopération au développement"])
org("ecole", "École de formation hôtelière Lao-Luxembourg", "LA", "education",
    ["école de formation hôtelière Lao-Luxembourg"])
org("maee", "Ministère des Affaires étrangères et européennes", "LU", "government", required=False)
agreement("a-pic5", "intergovernmental_agreement", "Cinquième programme indicatif de coopération (PIC V) Luxembourg–Laos",
          ["lu", "la"], ["LU", "LA"], "signed", ["health", "education", "agriculture"],
          ["ont signé le 27 novembre 2023 à Vientiane le cinquième programme indicatif de coopération (PIC V) entre le Luxembourg et la République démocratique populaire lao"],
          kind_any=["cooperation_pact", "other"], date="2023-11-27", place="Vientiane",
          signatories=["weyland", "sisavath"], within="e-visite")
initiative("i-pic5", "other", "Mise en œuvre du PIC V (100 millions d'euros, 2024-2028)", ["luxdev"], ["LU", "LA"],
           "planned", ["health", "education", "agriculture"],
           ["Doté d'une enveloppe de 100 millions d'euros pour la période 2024-2028",
            "L'agence luxembourgeoise LuxDev sera chargée de la mise en œuvre du nouveau programme"],
           kind_any=["investment"], start="2024", end="2028", framework="a-pic5")
event("e-visite", "official_visit", "Visite officielle du ministre Marc Weyland au Laos", [], ["LU", "LA"], "held",
      ["diplomacy"], ["La signature a eu lieu lors de la visite officielle du ministre au Laos, du 26 au 29 novembre"],
      date="2023-11-26", end_date="2023-11-29", place="Vientiane",
      note="le ministre n'est pas nommé dans la phrase ; en cours à la date de publication")
event("e-entretien", "talks", "Entretien de Marc Weyland avec le ministre lao des Affaires étrangères",
      ["weyland", "vongsa"], ["LU", "LA"], "held", ["diplomacy"],
      ["M. Weyland s'est entretenu avec le ministre lao des Affaires étrangères, M. Khamphao Vongsa"],
      kind_any=["meeting"], date="2023-11", place="Vientiane", part_of="e-visite")
initiative("i-ecole", "training", "Soutien luxembourgeois à l'école de formation hôtelière Lao-Luxembourg",
           ["ecole"], ["LU", "LA"], "ongoing", ["education", "tourism"],
           ["l'école de formation hôtelière Lao-Luxembourg de Vientiane, soutenue par la coopération luxembourgeoise depuis 2012"],
           start="2012")
initiative("i-pic4", "other", "Quatrième programme indicatif de coopération (PIC IV, 2017-2023)", [], ["LU", "LA"],
           "completed", ["health"],
           ["Le PIC IV, qui couvrait la période 2017-2023, s'est achevé cette année",
            "Il a notamment permis de former 4 000 agents de santé"],
           kind_any=["investment", "training"], start="2017", end="2023")

# --- fr11 France - Liban, écoles francophones -----------------------------------------------------------
page("fr11", "fr", "2024-09-09", "Écoles francophones : Paris débloque une aide d'urgence de 20 millions d'euros")
country("fr", "France", "FR", ["République française"])
country("lb", "Liban", "LB", ["Lebanon", "République libanaise"])
place("beyrouth", "Beyrouth", "LB", aliases=["Beirut"], required=True)
place("tripoli", "Tripoli", "LB")
person("mercier", "Thibault Mercier", "FR", "ministre délégué chargé de la Francophonie",
       aliases=["M. Thibault Mercier", "M. Mercier", "Mercier"])
person("karam", "Fadi Karam", "LB", "ministre de l'Éducation et de l'Enseignement supérieur", aliases=["M. Fadi Karam"])
org("oeuvre", "Œuvre d'Orient", "FR", "ngo", ["l'Œuvre d'Orient", "Oeuvre d'Orient"])
org("ifl", "Institut français du Liban", "FR", "cultural_institution", ["Institut français"])
initiative("i-aide", "investment", "Aide française de 20 millions d'euros aux écoles francophones du Liban",
           ["oeuvre"], ["FR", "LB"], "planned", ["education", "language"],
           ["La France va verser 20 millions d'euros aux écoles francophones du Liban pour l'année scolaire 2024-2025",
            "Le Fonds pour les écoles chrétiennes francophones d'Orient, géré par l'Œuvre d'Orient, recevra une partie de cette somme"],
           kind_any=["other"], start="2024-09", end="2025")
event("e-visite", "working_visit", "Visite de travail du ministre Thibault Mercier au Liban", ["mercier"],
      ["FR", "LB"], "held", ["education", "diplomacy"],
      ["le ministre délégué chargé de la Francophonie, M. Thibault Mercier, au premier jour d'une visite de travail de deux jours"],
      date="2024-09-09", end_date="2024-09-10", place="Beyrouth")
event("e-entretien", "talks", "Entretien de Thibault Mercier avec le ministre libanais de l'Éducation", ["karam"],
      ["FR", "LB"], "held", ["education"],
      ["Le ministre s'est entretenu avec son homologue libanais, le ministre de l'Éducation et de l'Enseignement supérieur, M. Fadi Karam"],
      kind_any=["meeting"], date="2024-09-09", place="Beyrouth", part_of="e-visite",
      note="Mercier only as 'Le ministre'")
initiative("i-formation", "training", "Formation continue de 1 500 enseignants de français", ["ifl"], ["FR", "LB"],
           "planned", ["education", "language"],
           ["la création d'un programme de formation continue pour 1 500 enseignants de français, qui sera mis en œuvre par l'Institut français du Liban à partir de janvier"],
           start="2025-01")
event("e-mediatheque", "inauguration", "Inauguration de la médiathèque de l'Institut français à Tripoli", ["mercier"],
      ["FR", "LB"], "planned", ["culture", "literature"],
      ["M. Mercier doit se rendre mardi à Tripoli, où il inaugurera la nouvelle médiathèque de l'Institut français"],
      date="2024-09-10", place="Tripoli", venue="@ifl", part_of="e-visite")
initiative("i-campus", "infrastructure", "Campus franco-libanais à Beyrouth", [], ["FR", "LB"], "idea",
           ["education"], ["ont par ailleurs évoqué un projet de campus franco-libanais à Beyrouth"],
           kind_any=["other"])

# --- fr12 Gabon - Brésil, forêts ---------------------------------------------------------------------------
page("fr12", "fr", "2023-10-16", "Libreville et Brasília adoptent une déclaration conjointe sur les forêts tropicales")
country("ga", "Gabon", "GA", ["République gabonaise"])
country("br", "Brésil", "BR", ["Brazil", "République fédérative du Brésil"])
country("idn", "Indonésie", "ID", ["Indonesia"], required=False)
place("libreville", "Libreville", "GA", required=True)
person("mba", "Lambert Mba Obiang", "GA", "ministre des Eaux et Forêts", aliases=["M. Lambert Mba Obiang"])
person("sampaio", "Helena Duarte Sampaio", "BR", "ministre brésilienne de l'Environnement",
       aliases=["Mme Helena Duarte Sampaio"])
org("anpn", "Agence nationale des parcs nationaux", "GA", "government", ["ANPN"])
org("icmbio", "Institut Chico Mendes pour la conservation de la biodiversité", "BR", "government",
    ["ICMBio", "Instituto Chico Mendes de Conservação da Biodiversidade"])
agreement("a-declaration", "joint_declaration", "Déclaration conjointe Gabon–Brésil sur la protection des forêts tropicales",
          ["ga", "br"], ["GA", "BR"], "signed", ["climate"],
          ["Le Gabon et le Brésil ont adopté samedi à Libreville une déclaration conjointe sur la protection des forêts tropicales"],
          date="2023-10-14", place="Libreville", within="e-visite")
event("e-entretiens", "talks", "Entretiens entre Lambert Mba Obiang et Helena Duarte Sampaio", ["mba", "sampaio"],
      ["GA", "BR"], "held", ["climate", "diplomacy"],
      ["à l'issue d'entretiens entre le ministre gabonais des Eaux et Forêts, M. Lambert Mba Obiang, et la ministre brésilienne de l'Environnement, Mme Helena Duarte Sampaio"],
      kind_any=["meeting"], date="2023-10-14", place="Libreville", part_of="e-visite")
event("e-visite", "official_visit", "Visite officielle de la ministre brésilienne de l'Environnement au Gabon",
      ["sampaio"], ["BR", "GA"], "held", ["climate", "diplomacy"],
      ["en visite officielle au Gabon", "La ministre brésilienne s'est rendue dimanche au parc national de la Lopé"],
      date="2023-10", place="Libreville", note="deux jours au moins (samedi et dimanche)")
initiative("i-position", "other", "Défense commune d'un mécanisme de financement des forêts dans les négociations climat",
           [], ["GA", "BR"], "agreed", ["climate"],
           ["Les deux pays s'engagent à défendre ensemble, lors des prochaines négociations sur le climat, un mécanisme de financement"],
           required=False, framework="a-declaration", note="engagement de la déclaration")
initiative("i-echange", "exchange_programme", "Programme d'échange ANPN–ICMBio sur la surveillance des aires protégées",
           ["anpn", "icmbio"], ["GA", "BR"], "agreed", ["climate", "science"],
           ["Ils ont aussi décidé de lancer un programme d'échange entre l'Agence nationale des parcs nationaux (ANPN) du Gabon et l'Institut Chico Mendes pour la conservation de la biodiversité (ICMBio)"],
           kind_any=["training"])
initiative("i-formation", "training", "Formation d'agents gabonais au système brésilien de détection de la déforestation",
           [], ["BR", "GA"], "proposed", ["climate", "science"],
           ["Le Brésil a proposé de former des agents gabonais à son système de détection de la déforestation"])

# --- fr13 Toulouse - Erevan, double diplôme ------------------------------------------------------------------
page("fr13", "fr", "2024-01-18", "Un double diplôme en droit avec l'Université d'État d'Erevan")
country("fr", "France", "FR", ["République française"])
country("am", "Arménie", "AM", ["Armenia", "République d'Arménie"])
place("toulouse", "Toulouse", "FR", required=True)
place("erevan", "Erevan", "AM", aliases=["Yerevan", "Érevan"])
place("occitanie", "Région Occitanie", "FR", "region", ["Occitanie"])
org("utc", "Université Toulouse Capitole", "FR", "education", ["Toulouse Capitole", "UT Capitole"])
org("ysu", "Université d'État d'Erevan", "AM", "education", ["YSU", "Yerevan State University", "l'YSU"])
person("hovhannisyan", "Armen Hovhannisyan", "AM", "recteur de l'Université d'État d'Erevan", "ysu",
       ["M. Armen Hovhannisyan", "M. Hovhannisyan"])
person("delmas", "Sophie Delmas-Roux", "FR", "présidente de l'Université Toulouse Capitole", "utc",
       ["Mme Sophie Delmas-Roux"])
org("maison", "Maison de l'Arménie de Toulouse", "FR", "ngo", required=False)
agreement("a-double", "partnership", "Accord de double diplôme en droit international et européen (Toulouse Capitole – YSU)",
          ["utc", "ysu"], ["FR", "AM"], "signed", ["education"],
          ["L'Université Toulouse Capitole et l'Université d'État d'Erevan (YSU) ont signé le 15 janvier un accord de double diplôme en droit international et européen",
           "L'accord a été signé par M. Hovhannisyan et par la présidente de l'Université Toulouse Capitole, Mme Sophie Delmas-Roux"],
          kind_any=["cooperation_pact", "memorandum_of_understanding", "other"], date="2024-01-15", place="Toulouse",
          signatories=["hovhannisyan", "delmas"], within="e-venue")
event("e-venue", "official_visit", "Venue à Toulouse d'une délégation de l'Université d'État d'Erevan",
      ["hovhannisyan"], ["AM", "FR"], "held", ["education"],
      ["lors de la venue à Toulouse d'une délégation arménienne conduite par le recteur de l'YSU, M. Armen Hovhannisyan"],
      kind_any=["working_visit"], date="2024-01", place="Toulouse")
initiative("i-mobilite", "exchange_programme", "Mobilité d'étudiants arméniens et toulousains (double diplôme)", [],
           ["AM", "FR"], "planned", ["education"],
           ["à dix étudiants arméniens de suivre leur seconde année de master à Toulouse, et à cinq étudiants toulousains d'effectuer un semestre à Erevan"],
           start="2024-09", framework="a-double")
initiative("i-erasmus", "exchange_programme", "Mobilité Erasmus+ entre les deux universités (depuis 2017)", [],
           ["FR", "AM"], "ongoing", ["education"],
           ["Les deux universités collaborent depuis 2017 dans le cadre du programme Erasmus+"], start="2017")
event("e-occitanie", "meeting", "Rencontre de la délégation arménienne avec la Région Occitanie", ["occitanie"],
      ["AM", "FR"], "held", ["education"],
      ["La délégation a également rencontré des représentants de la Région Occitanie"], required=False,
      date="2024-01", place="Toulouse", part_of="e-venue")
initiative("i-ecole", "training", "École d'été de droit comparé à Erevan", [], ["FR", "AM"], "idea", ["education"],
           ["Une école d'été de droit comparé, organisée conjointement à Erevan, est à l'étude pour l'été 2025"],
           kind_any=["exchange_programme", "other"], start="2025", note="« à l'étude »")

# --- fr14 RDC - Angola, commission mixte de défense ------------------------------------------------------------
page("fr14", "fr", "2024-08-29", "RDC-Angola : la commission mixte de défense se réunit à Luanda")
country("cd", "République démocratique du Congo", "CD", ["RDC", "RD Congo", "Congo-Kinshasa"])
country("ao", "Angola", "AO", ["République d'Angola"])
country("rw", "Rwanda", "RW", required=False)
place("luanda", "Luanda", "AO", required=True)
place("kinshasa", "Kinshasa", "CD")
place("kwango", "Kwango", "CD", "region")
person("mutombo", "Jean-Pierre Mutombo Kalala", "CD", "vice-Premier ministre chargé de la Défense",
       aliases=["M. Jean-Pierre Mutombo Kalala"])
person("ventura", "João Manuel Ventura", "AO", "ministre angolais de la Défense nationale",
       aliases=["M. João Manuel Ventura", "Joao Manuel Ventura"])
org("okapi", "Radio Okapi", "CD", "media", required=False)
event("e-session", "meeting", "9e session de la commission mixte de défense et de sécurité RDC–Angola",
      ["mutombo", "ventura"], ["CD", "AO"], "held", ["security"],
      ["La commission mixte de défense et de sécurité entre la République démocratique du Congo (RDC) et l'Angola a tenu sa 9e session mardi et mercredi à Luanda",
       "Les travaux ont été coprésidés par le vice-Premier ministre congolais chargé de la Défense, M. Jean-Pierre Mutombo Kalala, et par le ministre angolais de la Défense nationale, M. João Manuel Ventura"],
      kind_any=["talks"], date="2024-08-27", end_date="2024-08-28", place="Luanda")
initiative("i-patrouilles", "other", "Renforcement des patrouilles conjointes à la frontière", [], ["CD", "AO"],
           "agreed", ["security"], ["renforcer les patrouilles conjointes le long de leur frontière commune"])
initiative("i-renseignement", "other", "Mécanisme d'échange de renseignements sur les groupes armés", [],
           ["CD", "AO"], "agreed", ["security"],
           ["créer un mécanisme d'échange de renseignements sur les groupes armés"], kind_any=["regular_meetings"])
agreement("a-officiers", "intergovernmental_agreement", "Accord sur la formation d'officiers congolais dans les écoles militaires angolaises",
          ["cd", "ao"], ["CD", "AO"], "under_negotiation", ["security", "education"],
          ["Un accord sur la formation d'officiers congolais dans les écoles militaires angolaises est en cours de négociation"],
          kind_any=["other"])
event("e-prochaine", "meeting", "10e session de la commission mixte à Kinshasa", [], ["CD", "AO"], "planned",
      ["security"], ["la prochaine session, prévue à Kinshasa en 2025"], kind_any=["talks"], date="2025",
      place="Kinshasa")
initiative("i-rapatriement", "other", "Rapatriement des réfugiés angolais installés en RDC", [], ["AO", "CD"],
           "stalled", ["security"],
           ["le rapatriement des réfugiés angolais installés en RDC, dont l'opération a été suspendue en mai faute de financement"],
           note="« suspendue en mai »")
initiative("i-mediation", "other", "Médiation angolaise dans la crise entre la RDC et le Rwanda", [],
           ["AO", "CD", "RW"], "ongoing", ["security", "diplomacy"],
           ["L'Angola joue depuis 2022 un rôle de médiateur"], required=False, start="2022", note="contexte")

# --- fr15 Nantes - Cluj-Napoca, jumelage --------------------------------------------------------------------------
page("fr15", "fr", "2023-10-05", "Nantes et Cluj-Napoca fêtent trente ans de jumelage")
country("fr", "France", "FR", ["République française"])
country("ro", "Roumanie", "RO", ["Romania"])
place("nantes", "Nantes", "FR", required=True)
place("cluj", "Cluj-Napoca", "RO", aliases=["Cluj"], required=True)
person("moldovan", "Radu Moldovan", "RO", "maire de Cluj-Napoca", aliases=["M. Radu Moldovan", "M. Moldovan"])
person("gourmelon", "Céline Gourmelon", "FR", "maire de Nantes", aliases=["Mme Céline Gourmelon"])
org("philharmonie", "Philharmonie de Transylvanie", "RO", "cultural_institution")
agreement("a-jumelage", "twinning", "Jumelage Nantes–Cluj-Napoca (1993)", ["nantes", "cluj"], ["FR", "RO"],
          "in_force", ["culture"],
          ["trentième anniversaire du jumelage entre les deux villes, signé en 1993"], date="1993")
event("e-visite", "official_visit", "Visite à Nantes d'une délégation de Cluj-Napoca conduite par Radu Moldovan",
      ["moldovan"], ["RO", "FR"], "held", ["culture", "diplomacy"],
      ["Une délégation de Cluj-Napoca, conduite par le maire, M. Radu Moldovan, est à Nantes depuis lundi"],
      date="2023-10-02", place="Nantes")
agreement("a-charte", "friendship_agreement", "Charte d'amitié Nantes–Cluj-Napoca", ["nantes", "cluj"],
          ["FR", "RO"], "signed", ["culture", "education", "climate"],
          ["la maire de Nantes, Mme Céline Gourmelon, et M. Moldovan ont signé mercredi à l'hôtel de ville une nouvelle charte d'amitié"],
          kind_any=["twinning", "cooperation_pact", "other"], date="2023-10-04", place="Nantes",
          signatories=["gourmelon", "moldovan"], within="e-visite")
initiative("i-lycees", "exchange_programme", "Échanges scolaires entre trois lycées nantais et trois lycées de Cluj",
           [], ["FR", "RO"], "planned", ["education", "children"],
           ["Trois lycées nantais et trois lycées de Cluj participeront dès le printemps prochain à un programme d'échanges scolaires"],
           start="2024", framework="a-charte")
event("e-boreales", "performance", "Compagnie de danse nantaise au festival Les Boréales de Cluj", [], ["FR", "RO"],
      "planned", ["performing_arts"],
      ["Le festival Les Boréales de Cluj accueillera en 2024 une compagnie de danse nantaise"],
      kind_any=["festival"], date="2024", place="Cluj-Napoca")
initiative("i-transports", "other", "Projet commun sur les transports publics (depuis 2015)", [], ["FR", "RO"],
           "ongoing", ["transport"],
           ["Depuis 2015, les deux villes mènent un projet commun sur les transports publics"],
           kind_any=["expert_mission"], start="2015")
event("e-expo", "exhibition", "Exposition de photographies roumaines au passage Sainte-Croix", [], ["RO", "FR"],
      "held", ["culture"], ["une exposition de photographies roumaines au passage Sainte-Croix, visible jusqu'au 15 octobre"],
      end_date="2023-10-15", place="Nantes", venue="passage Sainte-Croix")
event("e-concert", "performance", "Concert de la Philharmonie de Transylvanie à Nantes", ["philharmonie"],
      ["RO", "FR"], "planned", ["performing_arts"],
      ["un concert de l'orchestre de la Philharmonie de Transylvanie"], date="2023-10", place="Nantes",
      part_of="e-visite")
event("e-foire", "other", "La Roumanie invitée d'honneur de la Foire internationale de Nantes", [], ["RO", "FR"],
      "planned", ["trade", "culture"],
      ["La Roumanie est l'invitée d'honneur de la Foire internationale de Nantes au printemps 2024"],
      required=False, kind_any=["exhibition", "festival"], date="2024", place="Nantes")

# --- fr16 Kazakhstan - France, semaine du film ------------------------------------------------------------------------
page("fr16", "fr", "2024-04-18", "Astana accueille la Semaine du film français")
country("kz", "Kazakhstan", "KZ", ["République du Kazakhstan"])
country("fr", "France", "FR", ["République française"])
place("astana", "Astana", "KZ", aliases=["Nour-Soultan"], required=True)
place("almaty", "Almaty", "KZ")
place("paris", "Paris", "FR")
person("perrault", "Nicolas Perrault", "FR", "ambassadeur de France au Kazakhstan", "ambassade",
       ["M. Nicolas Perrault"])
person("dzhaksybekov", "Yerlan Dzhaksybekov", "KZ", "vice-ministre de la Culture et de l'Information",
       aliases=["M. Yerlan Dzhaksybekov", "Dzhaksybekov", "Le vice-ministre Dzhaksybekov"])
org("ambassade", "Ambassade de France au Kazakhstan", "FR", "government", ["ambassade de France"])
org("afastana", "Alliance française d'Astana", "FR", "cultural_institution")
org("unifrance", "Unifrance", "FR", "film_body", ["UniFrance"])
org("kinopark", "Kinopark", "KZ", "company", required=False)
org("kazakhfilm", "Kazakhfilm", "KZ", "film_body", ["studio Kazakhfilm", "Kazakhfilm Studios"])
org("cnc", "Centre national du cinéma et de l'image animée", "FR", "film_body", ["CNC"])
org("kazinform", "Kazinform", "KZ", "media", required=False)
event("e-semaine", "film_week", "Semaine du film français à Astana", ["perrault", "dzhaksybekov", "ambassade",
      "afastana", "unifrance"], ["FR", "KZ"], "held", ["cinema", "culture"],
      ["La Semaine du film français s'est ouverte mercredi au cinéma Kinopark d'Astana en présence de l'ambassadeur de France au Kazakhstan, M. Nicolas Perrault, et du vice-ministre kazakh de la Culture et de l'Information, M. Yerlan Dzhaksybekov",
       "Organisée par l'ambassade de France, l'Alliance française d'Astana et Unifrance, la manifestation se poursuit jusqu'au 24 avril"],
      kind_any=["festival"], date="2024-04-17", end_date="2024-04-24", place="Astana", venue="Kinopark")
agreement("a-lettre", "declaration_of_intent", "Lettre d'intention Kazakhfilm–CNC", ["kazakhfilm", "cnc"],
          ["KZ", "FR"], "signed", ["cinema"],
          ["le studio Kazakhfilm et le Centre national du cinéma et de l'image animée (CNC) ont signé une lettre d'intention"],
          kind_any=["memorandum_of_understanding", "other"], date="2024-04-17", place="Astana")
agreement("a-coproduction", "intergovernmental_agreement", "Accord de coproduction cinématographique franco-kazakh",
          ["kz", "fr"], ["KZ", "FR"], "proposed", ["cinema"],
          ["en vue d'un accord de coproduction cinématographique entre les deux pays, dont les négociations doivent commencer cet été"],
          kind_any=["treaty", "other"], date="2024-04-17", note="négociations prévues à l'été 2024")
initiative("i-semaine-paris", "promotion", "Semaine du cinéma kazakh à Paris en 2025", [], ["KZ", "FR"], "proposed",
           ["cinema"], ["a également proposé d'organiser une semaine du cinéma kazakh à Paris en 2025"],
           kind_any=["other"], start="2025", note="proposée par le vice-ministre Dzhaksybekov")
initiative("i-doublage", "dubbing", "Atelier de doublage de films français en kazakh", ["ambassade"], ["FR", "KZ"],
           "ongoing", ["cinema", "language"],
           ["Un atelier de doublage de films français en langue kazakhe, lancé en 2022 avec le soutien de l'ambassade, se poursuit cette année"],
           start="2022")
event("e-almaty", "film_week", "Semaine du film français à Almaty", [], ["FR", "KZ"], "planned", ["cinema"],
      ["La semaine sera ensuite présentée à Almaty du 26 avril au 2 mai"], kind_any=["festival"],
      date="2024-04-26", end_date="2024-05-02", place="Almaty")

# --- fr17-fr20 négatifs -------------------------------------------------------------------------------------------------
page("fr17", "fr", "2024-09-09", "Le Maroc domine le Sénégal (2-0) et prend la tête du groupe", negative=True,
     note="Négatif : match amical de football entre sélections nationales. Pièges : deux pays, « se retrouver », "
          "la fédération marocaine qui a « signé un partenariat » avec un équipementier.")
page("fr18", "fr", "2024-02-22",
     "Pensions : le gouvernement fédéral s'accorde sur un relèvement progressif de l'âge", negative=True,
     note="Négatif : politique intérieure belge. Pièges : « accord », « partenaires de la majorité », "
          "Pays-Bas et Danemark comme modèles, régions consultées.")
page("fr19", "fr", "2024-07-02", "Sonatel et la Banque Atlantique nouent un partenariat pour le paiement mobile",
     negative=True,
     note="Négatif : partenariat commercial entre une entreprise et son client (opérateur et banque au Sénégal). "
          "Pièges : « signature d'un partenariat », « contrat », extension à la Côte d'Ivoire et au Mali.")
page("fr20", "fr", "2024-03-14", "« La Pampa des oubliés » : l'Argentine intime de Laura Quiroga", negative=True,
     note="Négatif : critique de roman. Pièges : Argentine et France (Lyon, Paris), traduction, une romancière "
          "argentine installée en France.")
