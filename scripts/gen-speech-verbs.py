#!/usr/bin/env python3
"""Regenerates assets/gazetteers/speech_verbs.txt: keeps the forms listed there and adds the
conjugated forms of some 250 French verbs of saying (regular -er conjugation generated, irregular
verbs written out) and English forms, leaving out forms that are mostly nouns or adjectives.
Run: python3 scripts/gen-speech-verbs.py  (rewrites the file in place)."""
import re,unicodedata
import os, sys
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'assets', 'gazetteers', 'speech_verbs.txt')
lines=open(path).read().split('\n')
sec=None; fr=set(); en=set()
for l in lines:
    s=l.strip()
    if not s or s.startswith('#'): continue
    if s=='[fr]': sec='fr'; continue
    if s=='[en]': sec='en'; continue
    (fr if sec=='fr' else en).add(s)
orig=set(fr)|set(en)
# French -er verbs (infinitives)
er='''accuser affirmer ajouter analyser annoncer appeler argumenter assurer avouer certifier clamer commenter confesser
confier confirmer considérer déclarer demander démentir dénoncer déplorer détailler espérer estimer exhorter expliquer
féliciter glisser indiquer insister interroger ironiser juger jurer lancer lâcher marteler menacer mentionner noter nuancer
observer penser plaider proclamer protester préciser raconter rappeler regretter relever réclamer répéter résumer
signaler souffler souhaiter souligner trancher tweeter twitter témoigner énumérer suggérer rétorquer répliquer exclamer
réitérer fustiger tempérer insurger inquiéter révéler justifier plaisanter soupirer emporter réfuter contester questionner
alarmer indigner étonner concéder railler tacler fulminer relater réagir défendre
avancer comparer énerver embrayer
avancer interpeller invoquer objecter  prôner raisonner reprocher   tonner tempêter vanter
conseiller constater déplorer dénoncer égrener énoncer évoquer insinuer  narrer postuler préconiser
proposer qualifier railler recommander regretter relancer remarquer renchérir reconnaître rassurer revendiquer
réclamer admettre alerter annoncer accuser affirmer assener asséner  avertir   clarifier
commenter conclure condamner confier critiquer déclarer défendre démentir dénoncer déplorer détailler 
dire écrire exhorter exiger expliquer exposer fanfaronner glisser grincer gronder hurler implorer
indiquer insister interroger ironiser jubiler justifier lancer lâcher  marteler  minimiser moquer
murmurer noter nuancer observer pester plaider plaisanter   préciser prédire prévenir proclamer
promettre protester  raconter rappeler rapporter réagir regretter réitérer relativiser relever répéter
répliquer répondre résumer rétorquer révéler rigoler ricaner amuser emporter étonner exclamer indigner
inquiéter interroger insurger offusquer agacer désoler féliciter réjouir plaindre défendre
souvenir demander justifier lamenter alarmer enthousiasmer esclaffer moquer targuer vanter
rappeler soutenir souligner suggérer supplier taquiner témoigner tempérer tonner trancher tweeter excuser
confirmer démentir garantir prévenir poursuivre maintenir convenir consentir
interpeler persifler plaisanter positiver pronostiquer rappeler recadrer regretter rembobiner rectifier relativiser
résumer sermonner signaler souffler sourire soupirer spécifier époumoner temporiser tempêter tancer trancher
abonder acquiescer approuver approuver  arguer assurer  blâmer concéder confesser déclamer décréter
décrypter déduire dévoiler dramatiser enchaîner enjoindre épingler estimer  fustiger gémir grogner 
 insister  juger justifier lancer  nier objecter observer opiner  
prévoir proclamer raisonner râler reconnaître regretter  reprendre résumer   scander
prier entonner chanter étriller cingler
emballer enflammer étrangler inquiéter souhaiter  tacler taquiner tempérer  vilipender
'''.split()
def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD',s) if unicodedata.category(c)!='Mn')
irregular={
 'dire':'disant dit disent disait disaient dira diront dirait diraient dirent',
 'écrire':'écrivant écrit écrivent écrivait écrivaient écrivit écrivirent écrira écriront écrirait écrite',
 'admettre':'admettant admet admettent admettait admettaient admit admirent admettra admettront admettrait admis admise',
 'promettre':'promet promettent promettait promettaient promit promirent promettra promettront promettrait promis promise',
 'reconnaître':'reconnaissant reconnaît reconnait reconnaissent reconnaissait reconnaissaient reconnut reconnurent reconnaîtra reconnaitra reconnaîtrait reconnaitrait reconnu reconnue',
 'répondre':'répondant répond répondent répondait répondaient répondit répondirent répondra répondront répondrait répondu',
 'défendre':'défendant défend défendent défendait défendaient défendit défendirent défendra défendront défendrait défendu',
 'poursuivre':'poursuivant poursuit poursuivent poursuivait poursuivaient poursuivit poursuivirent poursuivra poursuivront poursuivrait poursuivi',
 'prévenir':'prévient préviennent prévenait prévenaient prévint prévinrent préviendra préviendront préviendrait prévenu',
 'soutenir':'soutenant soutient soutiennent soutenait soutenaient soutint soutinrent soutiendra soutiendront soutiendrait soutenu',
 'maintenir':'maintient maintiennent maintenait maintenaient maintint maintiendra maintiendrait maintenu',
 'convenir':'convient conviennent convenait convint conviendra conviendrait convenu',
 'conclure':'concluant conclut concluent concluait concluaient conclura concluront conclurait conclu',
 'démentir':'dément démentent démentait démentaient démentit démentira démentirait démenti',
 'consentir':'consent consentent consentait consentaient consentit consentira consentirait consenti',
 'réagir':'réagissant réagit réagissent réagissait réagissaient réagira réagiront réagirait réagi',
 'avertir':'avertit avertissent avertissait avertissaient avertira avertiront avertirait averti',
 'garantir':'garantit garantissent garantissait garantira garantirait garanti',
 'renchérir':'renchérit renchérissent renchérissait renchérissaient renchérira renchérirait renchéri',
 'prédire':'prédit prédisent prédisait prédisaient prédira prédirait',
 'plaindre':'plaint plaignent plaignait plaignaient plaindra plaindrait',
 'souvenir':'souvient souviennent souvenait souvenaient souviendra souviendrait souvenu',
 'reprendre':'reprend reprennent reprenait reprenaient reprit reprendra reprendrait repris',
 'déduire':'déduit déduisent déduisait déduit',
 'enjoindre':'enjoint enjoignent enjoignait',
 'sourire':'sourit sourient souriait souriaient sourira sourirait souri',
 'réjouir':'réjouit réjouissent réjouissait réjouissaient réjouira réjouirait réjoui réjouie',
 'gémir':'gémit gémissent gémissait gémi',

 'mettre_en_garde':'',
 'mettre':'',
 'rêver':'',
 'pleurer':'',
 'imaginer':'',
 'hésiter':'',
 'préférer':'',
 'tenter':'',
 'publier':'',
 'lier':'',
 'calmer':'',
 'charger':'',
 'attaquer':'',
 'marquer':'',
 'opposer':'',
 'poster':'',
 'pointer':'',
 'saluer':'',
 'évaluer':'',
 'développer':'',
 'lister':'',
 'supposer':'',
 'jauger':'',
 'sanctionner':'',
 'balayer':'',
 'appuyer':'',
 'remercier':'',
 'penser':'',
}
newfr=set()
for v in er:
    v=v.replace('_',' ')
    refl=''
    for p in ("s'", 'se '):
        if v.startswith(p): v=v[len(p):]
    if v in irregular:
        for f in irregular[v].split(): newfr.add(f)
        continue
    if not v.endswith('er'): print('skip',v); continue
    st=v[:-2]
    a=st; 
    if st.endswith('c'): a=st[:-1]+'ç'
    if st.endswith('g'): a=st+'e'
    # stems with e/é -> è in present (folded: same); -eler/-eter doubling
    pres=st
    if st.endswith('el') and v in ('appeler','rappeler','interpeller','renouveler'): pres=st+'l'
    if v=='interpeller': pres=st
    forms=[a+'ant',pres+'e',pres+'ent',a+'ait',a+'aient',a+'a',st+'èrent',pres+'era',pres+'eront',pres+'erait',pres+'eraient',st+'é',st+'ée',st+'és',st+'ées']
    if st.endswith('y'): forms+= [st[:-1]+'ie',st[:-1]+'ient']
    for f in forms: newfr.add(f)
fr|=newfr
en_lemmas='''acknowledge add admit agree announce argue ask assert believe boast caution charge claim comment complain concede conclude
confirm continue counter declare deny describe emphasise emphasize estimate explain warn insist note observe point predict promise
propose quip recall remark reply respond retort reveal say stress suggest tell tweet urge vow write allege insist joke muse
reckon reiterate repeat shout scream whisper testify told wrote maintain pledge post protest recount report state thunder
yell admonish advise assure beg cry exclaim grumble lament marvel mutter plead question rebut recommend reflect remind
reassure speculate summarise summarize wonder concur disagree explain'''.split()
irr_en={'say':'say says said','tell':'tells told','write':'writes wrote written','told':'told','wrote':'wrote','cry':'cries cried','testify':'testifies testified','reply':'replies replied','speculate':'speculates speculated',
'summarise':'summarises summarised','summarize':'summarizes summarized'}
for v in en_lemmas:
    if v in irr_en:
        en|=set(irr_en[v].split()); continue
    s = v+'s'
    if v.endswith(('sh','ch','ss','x')): s=v+'es'
    d = v+'d' if v.endswith('e') else v+'ed'
    if v in ('admit','quip','plead','beg','rebut','concur'):
        d={'admit':'admitted','quip':'quipped','plead':'pleaded','beg':'begged','rebut':'rebutted','concur':'concurred'}[v]
    en|={s,d}

# drop noun/adjective-ambiguous English forms that could hurt
for bad in ('states','charges','charged','points','posts','questions','reports','notes','counters','protests','cries'):
    if bad not in orig: en.discard(bad)
# French forms too ambiguous as common nouns/adjectives
for bad in ('protestant','insistant','cinglant','suppliant','note','notes','juge','lance','glisse','souffle','releve','tranche','rapport','avance','avancee','avancees','avances','exige','pointe','charge','lache','clame','ose','appel','constate','conseil','tonne','tonnes','plaide','questionnee','souhaitee','penses','jure','jures','juree','jurees','demandee','demandes','demandees','temoignee','temoignees'):
    if bad not in orig: fr.discard(bad)
# keep the participles of true speech verbs already listed
for keep in ('accusé','défendu','commenté','observé','qualifié','condamné','proposé','pensé','publié','exposé'):
    pass
def key(s): return (fold(s), s)
out=['# Speech / reporting verbs in common conjugated forms (French then English), matched lowercase.',
'# Participles are used after an auxiliary ("ont souligné"), finite forms alone ("précise", "said").',
'# French: present, imperfect, simple past, future, conditional and participles of some 250 verbs of',
'# saying, generated from their infinitives (regular -er conjugation, irregular verbs written out);',
'# forms that are mostly common nouns or adjectives ("la marque", "lié") are left out.',
'[fr]']
out+=sorted(fr,key=key)
out+=['','[en]']+sorted(en,key=key)
open(path,'w').write('\n'.join(out)+'\n')
print(len(fr),len(en))
