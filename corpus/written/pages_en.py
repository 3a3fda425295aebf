"""Annotations of the English written pages (en01-en20). See make_gold.py and README.md."""

from make_gold import agreement, country, event, initiative, org, page, person, place

# --- en01 Kenya - South Korea, digital government --------------------------------------------
page("en01", "en", "2025-03-12",
     "Kenya and South Korea sign MoU on digital government, plan training for 300 civil servants")
country("ke", "Kenya", "KE", ["Republic of Kenya"])
country("kr", "South Korea", "KR", ["Republic of Korea", "Korea"])
place("nairobi", "Nairobi", "KE", required=True)
place("seoul", "Seoul", "KR")
org("micde", "Ministry of Information, Communications and the Digital Economy", "KE", "government")
person("ndirangu", "Joseph Kamau Ndirangu", "KE",
       "Cabinet Secretary for Information, Communications and the Digital Economy", "micde",
       ["Ndirangu", "Cabinet Secretary Joseph Kamau Ndirangu"])
person("park", "Park Seo-yeon", "KR", "Vice Minister of the Interior and Safety",
       aliases=["Park", "Vice Minister Park Seo-yeon"])
org("koica", "Korea International Cooperation Agency", "KR", "government", ["KOICA"])
org("icta", "ICT Authority", "KE", "government")
org("kaist", "Kenya Advanced Institute of Science and Technology", "KE", "education",
    ["Kenya-KAIST"], required=False)
org("ledger", "The Nairobi Ledger", "KE", "media", required=False)
agreement("a-mou", "memorandum_of_understanding", "Kenya–South Korea MoU on digital government",
          ["ke", "kr"], ["KE", "KR"], "signed", ["digital", "security"],
          ["signed a memorandum of understanding on digital government",
           "The MoU was signed at the Ministry of Information, Communications and the Digital Economy by Cabinet Secretary Joseph Kamau Ndirangu"],
          date="2025-03-11", place="Nairobi", signatories=["ndirangu", "park"], within="e-visit",
          note="'on Tuesday' before the 12 March 2025 date line; government-to-government text, parties are the countries")
event("e-visit", "official_visit", "Official visit of Vice Minister Park Seo-yeon to Nairobi",
      ["park"], ["KR", "KE"], "held", ["digital", "diplomacy"],
      ["who is in Nairobi on a three-day official visit"],
      date="2025-03-11", end_date="2025-03-13", place="Nairobi",
      note="three days ending on Thursday 13 March; under way on the publication date")
event("e-signing", "signing_ceremony", "Signing ceremony of the Kenya–Korea digital government MoU",
      ["ndirangu"], ["KE", "KR"], "held", ["digital"], ["said after the signing ceremony"],
      required=False, date="2025-03-11", place="Nairobi", part_of="e-visit",
      note="known only from 'after the signing ceremony'")
initiative("i-training", "training", "KOICA-funded training of 300 Kenyan civil servants",
           ["koica"], ["KR", "KE"], "planned", ["digital", "education"],
           ["the Korea International Cooperation Agency (KOICA) will fund a training programme for 300 Kenyan civil servants"],
           start="2025-09", framework="a-mou", note="first cohort expected in Seoul in September")
initiative("i-konza", "other", "Joint innovation centre in Konza Technopolis", [], ["KE", "KR"],
           "idea", ["digital", "science"],
           ["discussed the possibility of a joint innovation centre in Konza Technopolis"],
           kind_any=["infrastructure"])
event("e-icta", "meeting", "Meeting of the Korean delegation with the ICT Authority", ["park", "icta"],
      ["KR", "KE"], "planned", ["digital"],
      ["her delegation would meet officials of the ICT Authority on Wednesday"],
      kind_any=["talks"], date="2025-03-12", place="Nairobi", part_of="e-visit",
      note="announced for the publication day itself")
initiative("i-kaist", "infrastructure", "Kenya-KAIST campus built with a Korean loan", ["kaist"],
           ["KE", "KR"], "ongoing", ["education", "science"],
           ["a campus built with a Korean loan that has been teaching engineering students since 2023"],
           required=False, kind_any=["investment", "other"], start="2023", note="background")
initiative("i-ict", "other", "Korean-funded ICT projects in Kenya", [], ["KR", "KE"], "ongoing", ["digital"],
           ["Kenya already hosts several Korean-funded ICT projects"], required=False,
           kind_any=["investment", "infrastructure"], note="background, unspecified projects")

# --- en02 Norway - Brazil, Amazon Fund ---------------------------------------------------------
page("en02", "en", "2024-06-17",
     "Norway and Brazil agree to resume Amazon payments, eye new letter of intent on restoration")
country("no", "Norway", "NO", ["Kingdom of Norway"])
country("br", "Brazil", "BR", ["Federative Republic of Brazil"])
place("brasilia", "Brasília", "BR", aliases=["Brasilia"])
place("belem", "Belém", "BR")
place("manaus", "Manaus", "BR")
person("halvorsen", "Eirik Halvorsen", "NO", "Minister of Climate and Environment of Norway",
       aliases=["Halvorsen"])
person("sampaio", "Helena Duarte Sampaio", "BR", "Minister of the Environment of Brazil",
       aliases=["Sampaio"])
org("bndes", "Brazilian Development Bank", "BR", "government", ["BNDES"], required=False)
org("fund", "Amazon Fund", "BR", "other", ["Fundo Amazônia"], required=False)
org("storting", "Storting", "NO", "government", required=False)
org("nina", "Norwegian Institute for Nature Research", "NO", "research", ["NINA"])
org("inpe", "National Institute for Space Research", "BR", "research", ["INPE"])
person("teles", "Márcio Teles", "BR", "member of the Amazon Observatory", "observatory", required=False)
org("observatory", "Amazon Observatory", "BR", "ngo", required=False)
event("e-talks", "talks", "Talks between ministers Halvorsen and Sampaio in Brasília",
      ["halvorsen", "sampaio"], ["NO", "BR"], "held", ["climate", "diplomacy"],
      ["after talks in Brasília between Norway's Minister of Climate and Environment, Eirik Halvorsen, and Brazil's environment minister, Helena Duarte Sampaio",
       "At Monday's meeting"],
      kind_any=["meeting"], date="2024-06-17", place="Brasília")
initiative("i-payments", "investment", "New Norwegian contribution to the Amazon Fund (500 million kroner in 2024)",
           ["no", "br"], ["NO", "BR"], "agreed", ["climate", "investment"],
           ["Norway will release new contributions to Brazil's Amazon Fund this year",
            "the ministers agreed that Norway would pay a further 500 million kroner into the fund before the end of 2024"],
           kind_any=["other"], end="2024", note="subject to approval by the Storting")
initiative("i-history", "investment", "Norwegian payments to the Amazon Fund (frozen in 2019, resumed in 2023)",
           ["no"], ["NO", "BR"], "ongoing", ["climate"],
           ["Norway, its largest donor, froze payments in 2019 and only resumed them last year"],
           required=False, kind_any=["other"], note="background; may be merged with the new contribution")
agreement("a-loi", "declaration_of_intent", "Letter of intent on the restoration of degraded pastureland",
          ["no", "br"], ["NO", "BR"], "announced", ["climate", "agriculture"],
          ["they would prepare a letter of intent on the restoration of degraded pastureland"],
          kind_any=["other"], date="2024-06-17",
          note="to be signed at COP30 in Belém in 2025")
initiative("i-research", "joint_research", "NINA–INPE joint research on satellite monitoring of forest carbon",
           ["nina", "inpe"], ["NO", "BR"], "proposed", ["science", "climate"],
           ["proposed a joint research programme between the Norwegian Institute for Nature Research (NINA) and Brazil's National Institute for Space Research (INPE)"],
           note="proposed by Halvorsen; Brazil to study the offer")

# --- en03 Australia - Vietnam, university centre -------------------------------------------------
page("en03", "en", "2024-10-08", "New Vietnam research hub opens as Da Nang ties deepen")
country("au", "Australia", "AU")
country("vn", "Vietnam", "VN", ["Viet Nam"])
place("townsville", "Townsville", "AU", required=True)
place("danang", "Da Nang", "VN")
org("ucc", "University of the Coral Coast", "AU", "education", ["UCC"])
org("udn", "University of Da Nang", "VN", "education")
person("marsh", "Helen Marsh-Whitby", "AU", "Vice-Chancellor of the University of the Coral Coast", "ucc",
       ["Professor Helen Marsh-Whitby", "Marsh-Whitby", "Professor Marsh-Whitby"])
person("nguyen", "Nguyen Van Thanh", "VN", "Rector of the University of Da Nang", "udn",
       ["Associate Professor Nguyen Van Thanh"])
org("arc", "Australian Research Council", "AU", "government", required=False)
initiative("i-centre", "other", "Australia–Vietnam Marine Science Centre at UCC's Townsville campus",
           ["ucc"], ["AU", "VN"], "ongoing", ["science", "education"],
           ["has opened the Australia–Vietnam Marine Science Centre at its Townsville campus"],
           kind_any=["infrastructure", "joint_research"], start="2024-10-07")
event("e-inauguration", "inauguration", "Inauguration of the Australia–Vietnam Marine Science Centre",
      ["marsh", "nguyen", "udn"], ["AU", "VN"], "held", ["science", "education"],
      ["The centre was inaugurated on Monday by the Vice-Chancellor, Professor Helen Marsh-Whitby, and the Rector of the University of Da Nang, Associate Professor Nguyen Van Thanh"],
      date="2024-10-07", place="Townsville")
agreement("a-mou", "memorandum_of_understanding", "MoU between UCC and the University of Da Nang (2022)",
          ["ucc", "udn"], ["AU", "VN"], "signed", ["education", "science"],
          ["a memorandum of understanding signed by the two universities in March 2022"], date="2022-03",
          note="parties from the context: 'the two universities'")
initiative("i-phd", "exchange_programme", "Joint doctoral programme in coastal ecology", [], ["AU", "VN"],
           "ongoing", ["education", "science"],
           ["set up a joint doctoral programme in coastal ecology",
            "Eleven Vietnamese PhD candidates are currently enrolled in the programme"],
           kind_any=["training", "other"], start="2022-03", framework="a-mou")
initiative("i-summer", "exchange_programme", "Summer school for Australian and Vietnamese undergraduates",
           [], ["AU", "VN"], "planned", ["education"],
           ["the centre will also run a summer school for undergraduate students from both countries",
            "with 20 places funded each year by the Australian Government's New Colombo Plan"],
           kind_any=["training"], start="2025", note="20 places a year funded by the New Colombo Plan")
initiative("i-coral", "joint_research", "Joint study of coral bleaching (South China Sea, Great Barrier Reef)",
           [], ["AU", "VN"], "planned", ["science", "climate"],
           ["the two universities were now preparing a joint study of coral bleaching in the South China Sea and the Great Barrier Reef"],
           start="2025", note="hoped-for ARC funding: the ARC is no participant")

# --- en04 Chile - New Zealand, Antarctic research -----------------------------------------------
page("en04", "en", "2023-11-14", "Chile and New Zealand negotiate polar research agreement")
country("cl", "Chile", "CL", ["Republic of Chile"])
country("nz", "New Zealand", "NZ", ["Aotearoa"])
place("wellington", "Wellington", "NZ")
place("puntaarenas", "Punta Arenas", "CL")
place("lyttelton", "Lyttelton", "NZ")
org("antnz", "Antarctica New Zealand", "NZ", "government")
org("inach", "Chilean Antarctic Institute", "CL", "research", ["INACH", "Instituto Antártico Chileno"])
person("hollis", "Rebecca Hollis", "NZ", "Chief executive of Antarctica New Zealand", "antnz",
       ["Dr Rebecca Hollis"], required=False)
person("araya", "Marcelo Araya Fuentes", "CL", "Director of INACH", "inach", ["Dr Marcelo Araya Fuentes"],
       required=False)
person("whitcombe", "Grant Whitcombe", "NZ", "Minister of Foreign Affairs of New Zealand")
person("ibanez", "Carolina Ibáñez", "CL", "Ambassador of Chile to New Zealand", aliases=["Carolina Ibanez"])
org("navy", "Chilean Navy", "CL", "government", required=False)
agreement("a-antarctic", "other", "Chile–New Zealand agreement on scientific cooperation in Antarctica",
          ["cl", "nz"], ["CL", "NZ"], "under_negotiation", ["science"],
          ["Chile and New Zealand are negotiating an agreement on scientific cooperation in Antarctica"],
          kind_any=["intergovernmental_agreement", "cooperation_pact", "memorandum_of_understanding"],
          note="negotiated by Antarctica New Zealand and INACH; signature hoped for in the first half of 2024")
event("e-rounds", "talks", "Negotiation talks led by Antarctica New Zealand and INACH", ["antnz", "inach"],
      ["NZ", "CL"], "held", ["science"],
      ["The talks began in July and are led by Antarctica New Zealand and the Chilean Antarctic Institute (INACH)"],
      required=False, kind_any=["meeting"], date="2023-07")
event("e-third", "talks", "Third negotiation round in Punta Arenas", [], ["NZ", "CL"], "planned", ["science"],
      ["A third round is scheduled in Punta Arenas in early December"],
      kind_any=["meeting"], date="2023-12", place="Punta Arenas")
initiative("i-krill", "joint_research", "Joint study of krill populations in the Southern Ocean", [],
           ["NZ", "CL"], "ongoing", ["science"],
           ["The two agencies already run a joint study of krill populations in the Southern Ocean, which started in 2021"],
           start="2021", note="'the two agencies': Antarctica New Zealand and INACH")
initiative("i-exchange", "exchange_programme", "Exchange of early-career scientists", [], ["NZ", "CL"],
           "proposed", ["science", "education"],
           ["A proposed exchange of early-career scientists"],
           framework="a-antarctic", note="suggested by INACH director Marcelo Araya Fuentes")
event("e-meeting", "meeting", "Minister Whitcombe and Chile's ambassador discuss the negotiations",
      ["whitcombe", "ibanez"], ["NZ", "CL"], "held", ["diplomacy", "science"],
      ["Grant Whitcombe, discussed the negotiations with Chile's ambassador in Wellington, Carolina Ibáñez, on Monday"],
      kind_any=["talks"], date="2023-11-13", place="Wellington")
event("e-portcall", "other", "Port call of the Chilean icebreaker Almirante Viel at Lyttelton", ["navy"],
      ["CL", "NZ"], "planned", ["science", "transport"],
      ["The Chilean Navy's icebreaker Almirante Viel is due to call at Lyttelton in January"],
      required=False, date="2024-01", place="Lyttelton")

# --- en05 Morocco - UK, subsea power cable ------------------------------------------------------
page("en05", "en", "2025-02-03", "Morocco–UK power cable project stalls as funding talks drag on")
country("ma", "Morocco", "MA", ["Kingdom of Morocco"])
country("gb", "United Kingdom", "GB", ["UK", "Britain", "Great Britain"])
place("devon", "Devon", "GB", "region")
place("london", "London", "GB")
place("rabat", "Rabat", "MA")
org("saharalink", "Saharalink Power", "GB", "company")
person("brandt", "Oliver Brandt", "GB", "Chief executive of Saharalink Power", "saharalink", required=False)
org("desnz", "Department for Energy Security and Net Zero", "GB", "government", required=False)
person("bennani", "Leila Bennani", "MA", "Minister of Energy Transition of Morocco", aliases=["Bennani"])
org("masen", "Masen", "MA", "government", ["Moroccan Agency for Sustainable Energy"])
initiative("i-cable", "energy_project", "Morocco–UK subsea power cable (3.6 GW, southern Morocco to Devon)",
           ["saharalink"], ["MA", "GB"], "stalled", ["energy", "renewables"],
           ["The planned subsea cable that would carry solar and wind power from southern Morocco to Devon has stalled",
            "work had been put on hold"],
           kind_any=["infrastructure"], start="2021", note="announced 2021; no contract for difference")
agreement("a-mou", "memorandum_of_understanding", "Morocco–UK MoU on renewable energy (2022)", ["ma", "gb"],
          ["MA", "GB"], "signed", ["energy", "renewables"],
          ["a memorandum of understanding on renewable energy signed by Morocco and the United Kingdom in 2022"],
          date="2022")
event("e-visit", "official_visit", "Visit of Moroccan minister Leila Bennani to London", ["bennani"],
      ["MA", "GB"], "held", ["energy", "diplomacy"],
      ["Leila Bennani, visited London in October and discussed the cable with her British counterpart"],
      kind_any=["working_visit", "talks"], date="2024-10", place="London")
initiative("i-training", "training", "Masen training programme for Moroccan technicians with British colleges",
           ["masen"], ["MA", "GB"], "planned", ["energy", "education"],
           ["is separately preparing a training programme for Moroccan technicians with British engineering colleges, due to begin in the spring"],
           start="2025")

# --- en06 Groningen - Semarang twinning ---------------------------------------------------------
page("en06", "en", "2024-05-22", "Groningen and Semarang sign twinning agreement")
country("nl", "Netherlands", "NL", ["the Netherlands", "Kingdom of the Netherlands"])
country("id", "Indonesia", "ID", ["Republic of Indonesia"])
place("groningen", "Groningen", "NL", required=True)
place("semarang", "Semarang", "ID", required=True)
person("devries", "Koen de Vries", "NL", "Mayor of Groningen", aliases=["De Vries", "Mayor De Vries", "Mayor Koen de Vries"])
person("kusuma", "Dewi Kusumawardani", "ID", "Mayor of Semarang", aliases=["Mayor Dewi Kusumawardani"])
org("waterboard", "Groningen water board", "NL", "government", required=False)
org("hanze", "Hanze University of Applied Sciences", "NL", "education", ["Hanze University"])
org("museum", "Groninger Museum", "NL", "museum", required=False)
agreement("a-twin", "twinning", "Twinning agreement between Groningen and Semarang", ["groningen", "semarang"],
          ["NL", "ID"], "signed", ["culture", "education", "transport", "water"],
          ["Groningen and Semarang sign twinning agreement",
           "Mayor Koen de Vries of Groningen and Mayor Dewi Kusumawardani of Semarang signed a twinning agreement"],
          date="2024-05-21", place="Groningen", signatories=["devries", "kusuma"], within="e-signing")
event("e-signing", "signing_ceremony", "Signing ceremony of the Groningen–Semarang twinning", [],
      ["NL", "ID"], "held", ["diplomacy"],
      ["The signing ceremony was attended by the Indonesian ambassador to the Netherlands and a delegation of twenty people from Semarang"],
      date="2024-05-21", place="Groningen", venue="Groningen city hall")
initiative("i-flood", "expert_mission", "Groningen advice to Semarang on flood control (since 2018)",
           ["groningen", "semarang", "waterboard"], ["NL", "ID"], "ongoing", ["water", "climate"],
           ["The two cities have worked together on flood control since 2018, when engineers of the Groningen water board began advising Semarang on polders and pumping stations"],
           kind_any=["other"], start="2018")
initiative("i-pupils", "exchange_programme", "Exchange programme for secondary school pupils", [],
           ["NL", "ID"], "planned", ["education"],
           ["the cities plan an exchange programme for secondary school pupils"], framework="a-twin")
initiative("i-intern", "internship", "Six-month internship of four Semarang urban planners at Hanze University",
           ["hanze"], ["NL", "ID"], "planned", ["education", "transport"],
           ["the Hanze University of Applied Sciences will host four urban planners from Semarang for a six-month internship"],
           kind_any=["training"], framework="a-twin")
event("e-return", "official_visit", "Return visit of Mayor De Vries to Semarang", ["devries"], ["NL", "ID"],
      "planned", ["diplomacy", "trade"], ["Mayor De Vries will lead a return visit to Semarang in November"],
      date="2024-11", place="Semarang")
event("e-delegation", "official_visit", "Visit of the Semarang delegation to Groningen", [], ["ID", "NL"],
      "held", ["diplomacy"], ["The delegation from Semarang also visited the Groninger Museum"],
      required=False, date="2024-05", place="Groningen")
event("e-batik", "exhibition", "Exhibition of contemporary Indonesian batik at the Groninger Museum",
      ["museum"], ["ID", "NL"], "held", ["culture", "museums"],
      ["an exhibition of contemporary Indonesian batik is on show until 30 June"],
      required=False, end_date="2024-06-30", place="Groningen", venue="@museum")

# --- en07 Egypt - Italy, Theban tomb restoration --------------------------------------------------
page("en07", "en", "2024-04-11",
     "Italian-Egyptian team completes restoration of Theban tomb; artefacts to travel to Turin")
country("eg", "Egypt", "EG", ["Arab Republic of Egypt"])
country("it", "Italy", "IT", ["Italian Republic"])
place("luxor", "Luxor", "EG", required=True)
place("turin", "Turin", "IT", aliases=["Torino"])
place("cairo", "Cairo", "EG")
org("sca", "Supreme Council of Antiquities", "EG", "government", ["Egypt's Supreme Council of Antiquities"])
org("unipi", "University of Pisa", "IT", "education", ["Università di Pisa"])
org("mota", "Ministry of Tourism and Antiquities", "EG", "government", ["Egyptian Ministry of Tourism and Antiquities"],
    required=False)
org("aics", "Italian Agency for Development Cooperation", "IT", "government", ["AICS"])
org("egizio", "Museo Egizio", "IT", "museum", ["Egyptian Museum of Turin"])
org("gem", "Grand Egyptian Museum", "EG", "museum", ["GEM"])
person("elsayed", "Amr El-Sayed", "EG", "Secretary-general of the Supreme Council of Antiquities", "sca",
       ["Dr Amr El-Sayed", "El-Sayed"])
person("crestani", "Paolo Crestani", "IT", "Ambassador of Italy to Egypt")
person("marchetti", "Giulia Marchetti", "IT", "Head of the Italian mission (University of Pisa)", "unipi",
       ["Professor Giulia Marchetti"])
initiative("i-restoration", "restoration", "Restoration of the tomb of the scribe Nakhtamun in Luxor",
           ["sca", "unipi"], ["EG", "IT"], "completed", ["heritage", "archaeology", "restoration"],
           ["A five-year restoration of the tomb of the scribe Nakhtamun, on the west bank of Luxor, was completed last month by a joint mission of Egypt's Supreme Council of Antiquities and the University of Pisa"],
           end="2024-03")
initiative("i-training", "training", "Training of 24 Egyptian conservators (AICS-funded project)", ["aics"],
           ["IT", "EG"], "completed", ["restoration", "education"],
           ["The project, funded by the Italian Agency for Development Cooperation (AICS), trained 24 Egyptian conservators"],
           required=False, kind_any=["other"], framework="i-restoration", note="part of the restoration project")
event("e-exhibition", "exhibition", "Exhibition of the Nakhtamun finds at the Museo Egizio, Turin",
      ["egizio", "gem"], ["IT", "EG"], "planned", ["museums", "archaeology"],
      ["Objects found during the works will be shown at the Museo Egizio in Turin next year, in an exhibition prepared with the Grand Egyptian Museum"],
      date="2025", place="Turin", venue="@egizio")
agreement("a-loan", "contract", "Loan agreement for the Turin exhibition", [], ["EG", "IT"], "announced",
          ["museums"], ['the loan agreement would be signed "in the coming weeks"'],
          kind_any=["other", "memorandum_of_understanding"], date="2024-04",
          note="parties not named (Museo Egizio and the Egyptian side)")
event("e-sitevisit", "working_visit", "Ambassador Crestani's visit to the tomb with El-Sayed and Marchetti",
      ["crestani", "elsayed", "marchetti"], ["IT", "EG"], "held", ["heritage", "diplomacy"],
      ["Paolo Crestani, visited the site on Tuesday with El-Sayed and the head of the Italian mission, Professor Giulia Marchetti"],
      kind_any=["official_visit", "other"], date="2024-04-09", place="Luxor")
initiative("i-missions", "joint_research", "Italian archaeological missions in Egypt", [], ["IT", "EG"],
           "ongoing", ["archaeology"],
           ["Egypt and Italy have cooperated on archaeology since the nineteenth century"],
           required=False, kind_any=["other"], note="background")

# --- en08 Canada - Mexico, trade -------------------------------------------------------------------
page("en08", "en", "2024-09-09", "Sandhu heads to Mexico City with trade mission as auto tariffs loom")
country("ca", "Canada", "CA")
country("mx", "Mexico", "MX", ["United Mexican States"])
place("mexicocity", "Mexico City", "MX", required=True)
person("sandhu", "Priya Sandhu", "CA", "Minister of International Trade of Canada", aliases=["Sandhu"])
person("alarcon", "Rodrigo Alarcón Vega", "MX", "Secretary of Economy of Mexico", aliases=["Rodrigo Alarcon Vega"])
event("e-visit", "working_visit", "Working visit of Minister Priya Sandhu to Mexico City", ["sandhu"],
      ["CA", "MX"], "planned", ["trade", "diplomacy"],
      ["Priya Sandhu, will travel to Mexico City next week for a working visit"],
      date="2024-09", place="Mexico City")
event("e-talks", "talks", "Talks between Priya Sandhu and Rodrigo Alarcón Vega", ["sandhu", "alarcon"],
      ["CA", "MX"], "planned", ["trade"],
      ["Sandhu is due to hold talks with Mexico's Secretary of Economy, Rodrigo Alarcón Vega, on Sept. 17"],
      kind_any=["meeting"], date="2024-09-17", place="Mexico City", part_of="e-visit")
event("e-forum", "other", "Canada–Mexico business forum", ["sandhu"], ["CA", "MX"], "planned",
      ["trade", "mining", "agriculture"], ["open a Canada–Mexico business forum the following day"],
      kind_any=["conference", "meeting"], date="2024-09-18", place="Mexico City", part_of="e-visit")
agreement("a-minerals", "other", "Canada–Mexico joint action plan on critical minerals", ["ca", "mx"],
          ["CA", "MX"], "under_negotiation", ["mining", "trade"],
          ["The two ministers are expected to announce a joint action plan on critical minerals"],
          kind_any=["joint_declaration", "partnership"], note="'the text is still being negotiated'")
agreement("a-labour", "other", "Canada–Mexico labour mobility arrangement (2023)", ["ca", "mx"], ["CA", "MX"],
          "signed", ["agriculture", "trade"],
          ["Canada and Mexico signed a labour mobility arrangement in 2023"],
          kind_any=["intergovernmental_agreement", "memorandum_of_understanding"], date="2023")
initiative("i-workers", "exchange_programme", "Mexican seasonal workers on Canadian farms", [], ["MX", "CA"],
           "ongoing", ["agriculture"],
           ["expanded the number of Mexican seasonal workers on Canadian farms"],
           required=False, kind_any=["other"], framework="a-labour")
event("e-workers", "meeting", "Sandhu's meeting with representatives of the seasonal workers' programme", ["sandhu"],
      ["CA", "MX"], "planned", ["agriculture"],
      ["she would also meet representatives of the workers' programme"], required=False,
      date="2024-09", place="Mexico City", part_of="e-visit")

# --- en09 Philippines - Japan, Mindanao railway ------------------------------------------------------
page("en09", "en", "2024-06-28", "Japan, PH sign ¥240-billion loan for Mindanao railway")
country("ph", "Philippines", "PH", ["PH", "Republic of the Philippines"])
country("jp", "Japan", "JP")
place("manila", "Manila", "PH")
place("davao", "Davao", "PH")
org("jica", "Japan International Cooperation Agency", "JP", "government", ["JICA"])
person("villanueva", "Ernesto Villanueva", "PH", "Secretary of Finance of the Philippines", "dof",
       ["Finance Secretary Ernesto Villanueva", "Villanueva"])
person("morimoto", "Takeshi Morimoto", "JP", "JICA chief representative in the Philippines", "jica",
       ["Takeshi Morimoto"])
person("hayashida", "Kenji Hayashida", "JP", "Ambassador of Japan to the Philippines",
       aliases=["Japanese Ambassador Kenji Hayashida"], required=False)
org("dof", "Department of Finance", "PH", "government", required=False)
org("dotr", "Department of Transportation", "PH", "government", ["DOTr"], required=False)
org("courier", "Manila Courier", "PH", "media", required=False)
agreement("a-loan", "contract", "JICA loan of 240 billion yen for the first phase of the Mindanao Railway",
          ["jica"], ["PH", "JP"], "signed", ["transport", "investment"],
          ["signed a loan agreement worth 240 billion yen to finance the first phase of the Mindanao Railway",
           "Finance Secretary Ernesto Villanueva and Japan International Cooperation Agency (JICA) chief representative Takeshi Morimoto signed the agreement at the Department of Finance in Manila"],
          kind_any=["intergovernmental_agreement", "other"], date="2024-06-28", place="Manila",
          signatories=["villanueva", "morimoto"])
event("e-signing", "signing_ceremony", "Signing of the Mindanao Railway loan", ["hayashida"], ["PH", "JP"],
      "held", ["transport"], ["witnessed by Japanese Ambassador Kenji Hayashida"], required=False,
      date="2024-06-28", place="Manila", venue="Department of Finance")
initiative("i-railway", "infrastructure", "Mindanao Railway, first phase (Tagum–Davao–Digos, 102 km)", [],
           ["PH", "JP"], "planned", ["transport"],
           ["The 102-kilometre line will link Tagum, Davao and Digos",
            "Construction is set to start in the first quarter of 2025"],
           start="2025", framework="a-loan", note="first trains expected in 2029")
initiative("i-nscr", "infrastructure", "JICA-financed North–South Commuter Railway in Luzon", ["jica"],
           ["JP", "PH"], "ongoing", ["transport"],
           ["JICA is already financing the North–South Commuter Railway in Luzon, which has been under construction since 2019"],
           kind_any=["investment"], start="2019")
agreement("a-flood", "contract", "Second loan for flood control in Metro Manila", ["ph", "jp"], ["PH", "JP"],
          "under_negotiation", ["water", "investment"],
          ["the two governments were also discussing a second loan for flood control in Metro Manila"],
          kind_any=["other", "intergovernmental_agreement"])
event("e-jci", "meeting", "Next meeting of the Philippines–Japan High Level Joint Committee on Infrastructure",
      [], ["PH", "JP"], "planned", ["transport", "investment"],
      ["the next meeting of the Philippines–Japan High Level Joint Committee on Infrastructure in October"],
      kind_any=["talks"], date="2024-10")
initiative("i-training", "training", "Training of 150 Filipino railway engineers and operators in Japan",
           ["jica"], ["JP", "PH"], "planned", ["transport", "education"],
           ["JICA will also train 150 Filipino railway engineers and operators in Japan before the line opens"],
           framework="a-loan")

# --- en10 Mongolia - South Korea, cardiac centre ------------------------------------------------------
page("en10", "en", "2023-09-04", "Korean-funded cardiac centre opens in Ulaanbaatar")
country("mn", "Mongolia", "MN")
country("kr", "South Korea", "KR", ["Republic of Korea", "Korea"])
place("ulaanbaatar", "Ulaanbaatar", "MN", aliases=["Ulan Bator"], required=True)
place("seoul", "Seoul", "KR")
org("shastin", "Shastin Central Hospital", "MN", "other")
person("munkhtuya", "Ts. Munkhtuya", "MN", "Minister of Health of Mongolia",
       aliases=["Dr Ts. Munkhtuya", "Munkhtuya", "Minister Munkhtuya"])
person("lee", "Lee Jae-won", "KR", "Ambassador of the Republic of Korea to Mongolia")
org("snuh", "Seoul National University Hospital", "KR", "education", ["SNUH"])
person("choi", "Choi Min-ho", "KR", "Director of Seoul National University Hospital", "snuh",
       ["Professor Choi Min-ho"])
org("koica", "Korea International Cooperation Agency", "KR", "government", ["KOICA"])
event("e-inauguration", "inauguration", "Inauguration of the Korean-funded cardiac surgery centre",
      ["munkhtuya", "lee", "choi"], ["MN", "KR"], "held", ["health"],
      ["A cardiac surgery centre built with a grant from the Republic of Korea was inaugurated at the Shastin Central Hospital in Ulaanbaatar on Monday",
       "The ceremony was attended by Mongolia's Minister of Health, Dr Ts. Munkhtuya, the Ambassador of the Republic of Korea to Mongolia, Lee Jae-won, and the director of the Seoul National University Hospital (SNUH), Professor Choi Min-ho"],
      date="2023-09-04", place="Ulaanbaatar", venue="@shastin")
initiative("i-centre", "infrastructure", "Cardiac surgery centre at Shastin Central Hospital (18 million US dollars)",
           ["koica", "snuh"], ["KR", "MN"], "completed", ["health"],
           ["The centre, worth 18 million US dollars, was financed through the Korea International Cooperation Agency (KOICA) and equipped by SNUH"],
           kind_any=["investment", "other"], end="2023-09-04")
initiative("i-training", "training", "Training of 42 Mongolian cardiac staff at SNUH", ["snuh"], ["MN", "KR"],
           "ongoing", ["health", "education"],
           ["Since 2021, 42 Mongolian surgeons, nurses and technicians have been trained at SNUH under the same project"],
           start="2021", framework="i-centre")
initiative("i-doctors", "expert_mission", "Korean doctors working in Ulaanbaatar until the end of 2024", [],
           ["KR", "MN"], "ongoing", ["health"],
           ["Korean doctors will continue to work in Ulaanbaatar until the end of 2024"],
           kind_any=["training", "other"], end="2024-12", framework="i-centre")
initiative("i-phase2", "other", "Second phase of the project: paediatric cardiology", [], ["MN", "KR"],
           "proposed", ["health"],
           ["asked the Korean side to consider a second phase of the project"],
           kind_any=["infrastructure", "training"], note="requested by Minister Munkhtuya")
agreement("a-mou", "memorandum_of_understanding", "Memorandum on medical cooperation between the health ministries (2019)",
          ["mn", "kr"], ["MN", "KR"], "signed", ["health", "digital"],
          ["The two countries' health ministries signed a memorandum on medical cooperation in 2019"],
          date="2019", note="parties: the two health ministries, unnamed")
event("e-forum", "conference", "Mongolia–Korea medical forum in Seoul", [], ["MN", "KR"], "planned", ["health"],
      ["A Mongolia–Korea medical forum will be held in Seoul in November"],
      kind_any=["other", "meeting"], date="2023-11", place="Seoul")

# --- en11 Rwanda - Singapore, state visit ----------------------------------------------------------------
page("en11", "en", "2024-03-15", "Singapore PM in Kigali: smart-city MoU signed, water deal under study")
country("rw", "Rwanda", "RW", ["Republic of Rwanda"])
country("sg", "Singapore", "SG", ["Republic of Singapore"])
place("kigali", "Kigali", "RW", required=True)
place("nairobi", "Nairobi", "KE")
person("tan", "Lawrence Tan Wei Ming", "SG", "Prime Minister of Singapore", aliases=["Tan"])
person("habimana", "Jean-Pierre Habimana", "RW", "Prime Minister of Rwanda")
person("mukamana", "Aline Mukamana", "RW", "Minister of ICT and Innovation of Rwanda")
person("chua", "Chua Li Ling", "SG", "Minister for Digital Development of Singapore")
org("pub", "PUB", "SG", "government", ["PUB, Singapore's National Water Agency", "Public Utilities Board"],
    required=False)
event("e-visit", "state_visit", "State visit of Singapore's Prime Minister Lawrence Tan Wei Ming to Rwanda",
      ["tan"], ["SG", "RW"], "held", ["diplomacy"],
      ["Lawrence Tan Wei Ming, arrived in Kigali on Thursday for a two-day state visit"],
      date="2024-03-14", end_date="2024-03-15", place="Kigali")
event("e-talks", "talks", "Talks between the prime ministers of Singapore and Rwanda", ["habimana"],
      ["SG", "RW"], "held", ["trade", "diplomacy"],
      ["He was received at the Prime Minister's Office by Rwanda's Prime Minister, Jean-Pierre Habimana, and the two heads of government held talks"],
      kind_any=["meeting"], date="2024-03-14", place="Kigali", part_of="e-visit",
      note="Tan is reached through 'He' only")
agreement("a-mou", "memorandum_of_understanding", "Rwanda–Singapore MoU on smart cities", ["rw", "sg"],
          ["RW", "SG"], "signed", ["digital", "transport"],
          ["Aline Mukamana, and Singapore's Minister for Digital Development, Chua Li Ling, signed a memorandum of understanding on smart cities"],
          date="2024-03-14", place="Kigali", signatories=["mukamana", "chua"], within="e-visit")
initiative("i-training", "training", "Singapore Cooperation Programme: 50 training places a year for Rwandan civil servants",
           [], ["SG", "RW"], "planned", ["education"],
           ["The Singapore Cooperation Programme will also offer 50 training places a year to Rwandan civil servants"],
           start="2024")
initiative("i-water", "infrastructure", "PUB help to design a water recycling plant for Kigali", [], ["SG", "RW"],
           "proposed", ["water"],
           ["studying a proposal by Singapore's PUB, the national water agency, to help design a water recycling plant for Kigali"],
           kind_any=["expert_mission", "other"], note="PUB proposes; 'No agreement has been reached yet'")
event("e-kic", "other", "Visit of the Kigali Innovation City site", ["tan"], ["SG", "RW"], "planned",
      ["digital"], ["Tan is due to visit the Kigali Innovation City site on Friday"], required=False,
      kind_any=["working_visit"], date="2024-03-15", place="Kigali", part_of="e-visit")
agreement("a-air", "intergovernmental_agreement", "Rwanda–Singapore air services agreement", ["rw", "sg"],
          ["RW", "SG"], "in_force", ["transport"], ["have had an air services agreement since 2017"],
          required=False, date="2017", note="background")

# --- en12 Argentina - Australia, wheat research -------------------------------------------------------
page("en12", "en", "2023-10-02", "Argentina, Australia to send experts on drought-tolerant wheat")
country("ar", "Argentina", "AR", ["Argentine Republic"])
country("au", "Australia", "AU")
place("buenosaires", "Buenos Aires", "AR", required=True)
place("pergamino", "Pergamino", "AR")
place("bahiablanca", "Bahía Blanca", "AR")
org("inta", "National Institute of Agricultural Technology", "AR", "research",
    ["INTA", "Instituto Nacional de Tecnología Agropecuaria"])
person("soria", "Martín Soria", "AR", "President of INTA", "inta", ["Ingeniero Martín Soria"])
org("grdc", "Grains Research and Development Corporation", "AU", "research", ["GRDC"])
person("mcallister", "Fiona McAllister", "AU", "Chief executive of GRDC", "grdc",
       ["Dr Fiona McAllister", "McAllister"])
person("walsh", "Peter Walsh", "AU", "Ambassador of Australia to Argentina", aliases=["Hon. Peter Walsh"],
       required=False)
agreement("a-loi", "declaration_of_intent", "INTA–GRDC letter of intent on agricultural research",
          ["inta", "grdc"], ["AR", "AU"], "signed", ["agriculture", "science"],
          ["Argentina and Australia signed a letter of intent on agricultural research in Buenos Aires on Friday",
           "The letter was signed by the president of Argentina's National Institute of Agricultural Technology (INTA), Ingeniero Martín Soria, and the chief executive of the Grains Research and Development Corporation (GRDC), Dr Fiona McAllister"],
          kind_any=["memorandum_of_understanding", "other"], date="2023-09-29", place="Buenos Aires",
          signatories=["soria", "mcallister"])
initiative("i-trials", "joint_research", "Joint trials of drought-tolerant wheat varieties", [], ["AR", "AU"],
           "planned", ["agriculture", "science"],
           ["opening the way for joint trials of drought-tolerant wheat varieties"], framework="a-loi")
event("e-mission", "working_visit", "Australian mission to the Pampas led by Fiona McAllister", ["mcallister"],
      ["AU", "AR"], "held", ["agriculture"],
      ["who led an Australian mission to the Pampas last week"],
      kind_any=["official_visit", "other"], date="2023-09")
initiative("i-agronomists", "expert_mission", "Six weeks of four Australian agronomists at INTA stations",
           ["inta"], ["AU", "AR"], "planned", ["agriculture", "science"],
           ["a team of four Australian agronomists will spend six weeks at INTA stations in Pergamino and Bahía Blanca next year"],
           start="2024", framework="a-loi")
initiative("i-seeds", "other", "Exchange of seed material for field trials", [], ["AR", "AU"], "planned",
           ["agriculture", "science"],
           ["The two institutions also plan to exchange seed material for field trials in 2025"],
           kind_any=["joint_research", "exchange_programme"], start="2025", framework="a-loi")
initiative("i-database", "other", "Shared database of soil moisture records", [], ["AR", "AU"], "idea",
           ["agriculture", "science"],
           ["the organisations might later develop a shared database of soil moisture records"],
           kind_any=["joint_research", "publication"])
event("e-reception", "other", "Reception for the Australian delegation at the ambassador's residence",
      ["walsh"], ["AU", "AR"], "held", ["diplomacy"],
      ["hosted a reception for the delegation at his residence on Thursday evening"], required=False,
      kind_any=["meeting"], date="2023-09-28", place="Buenos Aires")

# --- en13 Saudi Arabia - Pakistan, Gwadar refinery ------------------------------------------------------
page("en13", "en", "2024-04-22", "Saudi Arabia weighs $10bn refinery in Gwadar as Pakistan courts Gulf capital")
country("sa", "Saudi Arabia", "SA", ["Kingdom of Saudi Arabia", "the kingdom"])
country("pk", "Pakistan", "PK", ["Islamic Republic of Pakistan"])
place("riyadh", "Riyadh", "SA", required=True)
place("gwadar", "Gwadar", "PK")
place("islamabad", "Islamabad", "PK")
person("khan", "Asif Mahmood Khan", "PK", "Minister for Petroleum of Pakistan",
       aliases=["Dr Asif Mahmood Khan", "Khan"])
person("qahtani", "Faisal Al-Qahtani", "SA", "Minister of Investment of Saudi Arabia")
org("aramco", "Saudi Aramco", "SA", "company", ["Aramco"])
person("rehman", "Nadia Rehman", "PK", "analyst at Indus Analytics", "indus", required=False)
org("indus", "Indus Analytics", "PK", "company", required=False)
org("sbp", "State Bank of Pakistan", "PK", "government", required=False)
event("e-talks", "talks", "Saudi–Pakistani talks in Riyadh on the Gwadar refinery",
      ["khan", "qahtani", "aramco"], ["SA", "PK"], "held", ["energy", "investment"],
      ["Saudi Arabia and Pakistan held talks in Riyadh on Sunday",
       "Dr Asif Mahmood Khan, met Saudi Arabia's Minister of Investment, Faisal Al-Qahtani, and executives of Saudi Aramco"],
      kind_any=["meeting"], date="2024-04-21", place="Riyadh")
initiative("i-refinery", "energy_project", "Saudi oil refinery in Gwadar (10 billion dollars)", [], ["SA", "PK"],
           "stalled", ["energy", "investment"],
           ["a project first announced in 2019 that has made little progress since",
            "the project had been held up for years by disagreements over pricing and security"],
           kind_any=["investment", "infrastructure"], start="2019",
           note="'reaffirmed their commitment' but no timetable; 'still on paper'")
initiative("i-jwg", "regular_meetings", "Saudi–Pakistani joint working group on energy investment", [],
           ["SA", "PK"], "agreed", ["energy", "investment"],
           ["The two ministers agreed to set up a joint working group on energy investment that will meet every quarter"])
event("e-jwg1", "meeting", "First meeting of the joint working group in Islamabad", [], ["SA", "PK"], "planned",
      ["energy", "investment"], ["the first meeting being planned in Islamabad in June"],
      date="2024-06", place="Islamabad")
initiative("i-deposit", "investment", "Saudi deposit of 3 billion dollars with the State Bank of Pakistan",
           ["sbp"], ["SA", "PK"], "completed", ["investment"],
           ["Saudi Arabia also deposited 3 billion dollars with the State Bank of Pakistan last year"],
           required=False, kind_any=["other"], end="2023", note="background")
event("e-visit", "official_visit", "Minister Khan's visit to Saudi Arabia", ["khan"], ["PK", "SA"], "held",
      ["energy", "diplomacy"], ["Khan's visit is the third by a Pakistani minister to the kingdom this year"],
      kind_any=["working_visit"], date="2024-04", place="Riyadh")

# --- en14 Portugal - Ireland, film week -------------------------------------------------------------------
page("en14", "en", "2023-11-07", "Portuguese film week opens in Dublin with a plea for co-productions")
country("pt", "Portugal", "PT", ["Portuguese Republic"])
country("ie", "Ireland", "IE", ["Republic of Ireland"])
place("dublin", "Dublin", "IE", required=True)
org("ifi", "Irish Film Institute", "IE", "film_body", ["IFI"])
person("vaz", "Inês Vaz", "PT", "film director", aliases=["Ines Vaz"])
person("albuquerque", "Rui Albuquerque", "PT", "Ambassador of Portugal to Ireland", "embassy",
       ["Albuquerque"])
org("camoes", "Camões Institute", "PT", "cultural_institution", ["Camões, I.P.", "Instituto Camões"])
org("embassy", "Embassy of Portugal in Ireland", "PT", "government", ["the embassy", "Portuguese embassy"])
org("estc", "Lisbon Theatre and Film School", "PT", "education", required=False)
org("screen", "Screen Ireland", "IE", "film_body", required=False)
org("eurimages", "Eurimages", None, "international_organization", required=False)
org("nch", "National Concert Hall", "IE", "cultural_institution", required=False)
event("e-week", "film_week", "Fourth Portuguese Film Week in Dublin", ["vaz", "albuquerque", "camoes", "embassy"],
      ["PT", "IE"], "held", ["cinema", "culture"],
      ["The fourth Portuguese Film Week opened at the Irish Film Institute (IFI) on Monday night",
       "Organised by the Camões Institute and the embassy, the festival runs until Sunday"],
      kind_any=["festival"], date="2023-11-06", end_date="2023-11-12", place="Dublin", venue="@ifi",
      note="runs until Sunday: under way on the publication date")
event("e-screening", "screening", "Opening screening of Inês Vaz's 'Maré Alta'", ["vaz"], ["PT", "IE"], "held",
      ["cinema"], ["with a screening of Inês Vaz's drama"], required=False, date="2023-11-06",
      place="Dublin", venue="@ifi", part_of="e-week")
agreement("a-treaty", "treaty", "Portugal–Ireland co-production treaty", ["pt", "ie"], ["PT", "IE"], "proposed",
          ["cinema"], ["Albuquerque said Portugal and Ireland should sign a bilateral co-production treaty"],
          kind_any=["intergovernmental_agreement"], date="2023-11-06",
          note="proposed by the ambassador; Screen Ireland 'open to discussing the idea'")
event("e-roundtable", "seminar", "Round table of Irish and Portuguese producers at the IFI", [], ["IE", "PT"],
      "planned", ["cinema"],
      ["a round table at the IFI will bring together Irish and Portuguese producers"],
      kind_any=["conference", "meeting", "other"], date="2023-11-09", place="Dublin", venue="@ifi",
      part_of="e-week")
event("e-fado", "performance", "Fado concert at the National Concert Hall", [], ["PT", "IE"], "planned",
      ["performing_arts", "culture"], ["a concert of fado at the National Concert Hall on 18 November"],
      date="2023-11-18", place="Dublin", venue="@nch")
initiative("i-season", "promotion", "Programme of Portuguese culture in Ireland, autumn 2023", [], ["PT", "IE"],
           "ongoing", ["culture"], ["a wider programme of Portuguese culture in Ireland this autumn"],
           required=False, kind_any=["other"], start="2023")

# --- en15 Kingston - Cape Coast sister cities ------------------------------------------------------------
page("en15", "en", "2024-08-13", "Kingston council proposes sister-city link with Cape Coast")
country("jm", "Jamaica", "JM")
country("gh", "Ghana", "GH", ["Republic of Ghana"])
place("kingston", "Kingston", "JM", required=True)
place("capecoast", "Cape Coast", "GH", required=True)
org("ksamc", "Kingston and St Andrew Municipal Corporation", "JM", "municipality", ["KSAMC"])
person("campbell", "Deborah Campbell-Reid", "JM", "Mayor of Kingston", "ksamc",
       ["Mayor Deborah Campbell-Reid", "Mayor Campbell-Reid", "Campbell-Reid"])
person("mensah", "Kwesi Boateng Mensah", "GH", "Mayor of Cape Coast", "ccma")
org("ccma", "Cape Coast Metropolitan Assembly", "GH", "municipality", required=False)
agreement("a-sister", "twinning", "Kingston–Cape Coast sister-city agreement", ["ksamc", "capecoast"],
          ["JM", "GH"], "proposed", ["tourism", "heritage", "culture", "trade"],
          ["has proposed a sister-city agreement with Cape Coast in Ghana",
           "A draft of the agreement has been sent to the Cape Coast Metropolitan Assembly for comment"],
          date="2024-08-12", note="signature hoped for in Cape Coast during PANAFEST 2025")
event("e-visit", "official_visit", "Visit of the Mayor of Cape Coast to Kingston", ["mensah"], ["GH", "JM"],
      "held", ["tourism", "heritage"],
      ["a visit to Kingston last month by the Mayor of Cape Coast, Kwesi Boateng Mensah"],
      kind_any=["working_visit"], date="2024-07", place="Kingston")
initiative("i-coop", "promotion", "Cooperation on heritage tourism, culture and trade in crafts", [], ["JM", "GH"],
           "proposed", ["tourism", "culture", "trade"],
           ["the two cities would cooperate on heritage tourism, culture and trade in crafts"],
           required=False, kind_any=["other"], framework="a-sister", note="provisions of the proposed agreement")
event("e-week", "festival", "'Cape Coast Week' in Kingston during Emancipation celebrations", [], ["GH", "JM"],
      "planned", ["culture"],
      ['a plan to hold a "Cape Coast Week" in Kingston during Emancipation celebrations next year'],
      kind_any=["other"], date="2025", place="Kingston")
initiative("i-flights", "other", "Direct flights between Jamaica and Ghana", [], ["JM", "GH"], "idea",
           ["transport"], ["direct flights discussed at government level but not yet launched"],
           required=False, kind_any=["infrastructure"])

# --- en16 Estonia - Georgia, cybersecurity ----------------------------------------------------------------
page("en16", "en", "2025-01-22", "Estonia to train Georgian cyber defenders under new agreement")
country("ee", "Estonia", "EE", ["Republic of Estonia"])
country("ge", "Georgia", "GE")
place("tallinn", "Tallinn", "EE", required=True)
place("tbilisi", "Tbilisi", "GE")
person("gelashvili", "Levan Gelashvili", "GE", "Minister of Defence of Georgia", aliases=["Gelashvili"])
person("kuusk", "Mart Kuusk", "EE", "Minister of Defence of Estonia", aliases=["Kuusk"])
org("ccdcoe", "NATO Cooperative Cyber Defence Centre of Excellence", "EE", "international_organization",
    ["CCDCOE"])
org("ria", "Information System Authority", "EE", "government", ["RIA"])
org("edf", "Estonian Defence Forces", "EE", "government", required=False)
agreement("a-mou", "memorandum_of_understanding", "Estonia–Georgia MoU on cybersecurity cooperation",
          ["ee", "ge"], ["EE", "GE"], "signed", ["security", "digital"],
          ["Estonia and Georgia signed a memorandum of understanding on cybersecurity cooperation in Tallinn on Tuesday",
           "The memorandum was signed by Gelashvili and his Estonian counterpart, Minister of Defence Mart Kuusk"],
          date="2025-01-21", place="Tallinn", signatories=["gelashvili", "kuusk"], within="e-visit")
event("e-visit", "working_visit", "Working visit of Georgian defence minister Levan Gelashvili to Tallinn",
      ["gelashvili"], ["GE", "EE"], "held", ["security", "diplomacy"],
      ["during a working visit by Georgia's Minister of Defence, Levan Gelashvili",
       "Gelashvili also visited the Estonian Defence Forces' cyber command"],
      date="2025-01-21", place="Tallinn")
initiative("i-provisions", "other", "Exchanges of threat information, joint exercises and training", [],
           ["EE", "GE"], "agreed", ["security"],
           ["It provides for exchanges of information on threats, joint exercises and training"],
           required=False, kind_any=["training"], framework="a-mou", note="provisions of the MoU")
initiative("i-course", "training", "CCDCOE course for ten Georgian officers", ["ccdcoe"], ["EE", "GE"], "planned",
           ["security", "education"],
           ["will host ten Georgian officers for a course in March"],
           start="2025-03", framework="a-mou")
initiative("i-ria", "expert_mission", "RIA expert mission on Georgia's election systems", ["ria"], ["EE", "GE"],
           "planned", ["security", "digital"],
           ["Estonian experts from the Information System Authority (RIA) will also travel to Tbilisi in the spring"],
           start="2025", framework="a-mou")
initiative("i-egov", "training", "E-governance training project for Georgian ministries (since 2016)", [],
           ["EE", "GE"], "ongoing", ["digital", "education"],
           ["The two countries have run an e-governance training project for Georgian ministries since 2016"],
           start="2016")
initiative("i-range", "infrastructure", "National cyber range for Georgia", ["ee", "ge"], ["EE", "GE"], "agreed",
           ["security", "digital"], ["Estonia was ready to help Georgia build a national cyber range"],
           kind_any=["other"], note="'would depend on European funding'")

# --- en17-en20 negatives --------------------------------------------------------------------------------------
page("en17", "en", "2024-11-16", "Wales edge Argentina 24-21 in Cardiff thriller", negative=True,
     note="Negative: a rugby test between national teams. Traps: two countries, 'travel to Dublin', "
          "'the two unions signed a new broadcasting deal with a streaming platform'.")
page("en18", "en", "2024-03-05", "Health secretary promises to cut waiting lists with weekend clinics",
     negative=True,
     note="Negative: English domestic health policy. Traps: 'signed an agreement with the British Medical "
          "Association', 'partnership', a programme rolled out from May, Denmark and the Netherlands as examples.")
page("en19", "en", "2024-07-30", "Lagos software firm Paycrest signs partnership with Kenyan supermarket chain",
     negative=True,
     note="Negative: a company's commercial 'partnership' with a customer (Nigerian supplier, Kenyan client). "
          "Traps: 'signed a partnership agreement', 'contract', two countries, an office to open in Nairobi.")
page("en20", "en", "2024-05-09", "A Lisbon summer, told in fragments", negative=True,
     note="Negative: a novel review. Traps: Lisbon and London, Portuguese and English, 'the meeting of "
          "cultures', a fictional publisher's partnership with a Brazilian streaming company.")
