# -*- coding: utf-8 -*-
"""Build script for six blind test documents.

Content of the six blind test documents (fictional city-government policies).

Block types:
  ("issuer", text)   red header line (issuing organs)
  ("docno", text)    文号 line
  ("title", text)    document title
  ("subtitle", text) title of the attached 办法/细则
  ("chapter", text)  chapter heading (centered, bold)
  ("h2", text)       section heading (left, bold)
  ("p", text)        body paragraph
  ("table", caption, header_row, rows)
  ("sign", text)     signature line (right aligned)
  ("date", text)     date line (right aligned)
  ("note", text)     small note line
"""

# ---------------------------------------------------------------------------
# DOC 1  株洲  研发投入后补助  (docx)
# ---------------------------------------------------------------------------
DOC1 = {
    "file": "doc1.docx",
    "city": "株洲",
    "topic": "企业研发投入后补助",
    "blocks": [
        ("issuer", "株洲市科学技术局　株洲市财政局"),
        ("docno", "株科发〔2024〕12号"),
        ("title", "株洲市科学技术局　株洲市财政局关于印发《株洲市企业研发投入后补助管理办法》的通知"),
        ("p", "各县市区科技局、财政局，株洲经开区、株洲高新区有关部门，各有关企业："),
        ("p", "为深入实施创新驱动发展战略，引导企业持续加大研发投入，经市人民政府同意，现将《株洲市企业研发投入后补助管理办法》印发给你们，请结合实际认真贯彻执行。"),
        ("subtitle", "株洲市企业研发投入后补助管理办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为激励企业持续加大研究开发投入，强化企业科技创新主体地位，提升企业自主创新能力，根据国家和省有关支持企业研发投入的政策规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称研发投入后补助，是指市级财政对企业上一年度已经发生的研究开发费用，按照一定比例给予的事后补助。本办法所称研究开发费用，以企业向税务部门申报享受研发费用加计扣除政策的金额为准。"),
        ("p", "第三条　研发投入后补助资金由市科技局、市财政局共同管理，遵循“公开透明、普惠公平、突出重点、绩效导向”的原则。市科技局负责组织申报、审核和绩效评价，市财政局负责资金预算安排和拨付。"),
        ("chapter", "第二章　申报条件"),
        ("p", "第四条　申报研发投入后补助的企业应当同时具备以下条件："),
        ("p", "（一）在株洲市行政区域内注册、具有独立法人资格，且登记注册满1年以上；"),
        ("p", "（二）上一年度研究开发费用达到100万元（含）以上，且已在税务部门办理研发费用加计扣除；"),
        ("p", "（三）上一年度研究开发费用占营业收入的比例不低于3%；上一年度营业收入超过5亿元的企业，该比例不低于2%；"),
        ("p", "（四）建立研发准备金制度，按规定设立研发费用辅助账；"),
        ("p", "（五）近3年内未发生重大安全、环保、质量事故，未被列入严重失信主体名单。"),
        ("p", "第五条　有下列情形之一的，不予支持："),
        ("p", "（一）同一研发项目已获得市级其他财政资金支持的，相应研发费用不重复计算；"),
        ("p", "（二）企业处于破产清算或者停产状态的；"),
        ("p", "（三）申报材料不齐全或者未在规定期限内申报的。"),
        ("chapter", "第三章　支持标准"),
        ("p", "第六条　研发投入后补助按照企业上一年度研究开发费用总额分档核定，补助金额为研究开发费用乘以对应补助比例，超过单户最高额度的按最高额度核定。具体标准见下表。"),
        ("table", "株洲市企业研发投入后补助标准",
         ["补助档次", "上年度研究开发费用", "补助比例", "单户最高额度"],
         [["A类", "2000万元（含）以上", "5%", "200万元"],
          ["B类", "1000万元（含）—2000万元", "6%", "100万元"],
          ["C类", "500万元（含）—1000万元", "8%", "60万元"],
          ["D类", "100万元（含）—500万元", "10%", "30万元"]]),
        ("p", "第七条　对上一年度研究开发费用较前一年度增长20%以上的企业，在上表核定金额基础上再上浮10%，但补助总额不得超过对应档次的单户最高额度。"),
        ("p", "第八条　对国家高新技术企业、省级以上企业技术中心所在企业，同等条件下优先支持。同一企业同一年度只能享受一次研发投入后补助。"),
        ("p", "第九条　鼓励各县市区、园区按照不低于市级补助金额50%的比例给予配套支持，配套资金由同级财政承担，与市级补助资金同步拨付。"),
        ("chapter", "第四章　申报程序"),
        ("p", "第十条　市科技局每年4月发布申报通知，企业通过“株洲市科技项目管理信息系统”在线填报，并提交以下材料："),
        ("p", "（一）株洲市企业研发投入后补助申请表；"),
        ("p", "（二）上一年度企业所得税年度纳税申报表及研发费用加计扣除优惠明细表；"),
        ("p", "（三）研发费用辅助账及会计师事务所出具的研发费用专项审计报告；"),
        ("p", "（四）企业信用承诺书。"),
        ("p", "第十一条　县市区科技部门会同同级财政部门对申报材料进行初审，于每年6月30日前将初审结果报送市科技局。市科技局委托第三方机构进行复核，提出拟补助企业名单，在市科技局门户网站公示5个工作日。公示无异议的，由市财政局按程序拨付补助资金。"),
        ("chapter", "第五章　监督管理"),
        ("p", "第十二条　获得补助的企业应当将补助资金用于研究开发活动，单独核算，并自觉接受科技、财政、审计等部门的监督检查。"),
        ("p", "第十三条　市科技局、市财政局对补助资金使用情况开展绩效评价，评价结果作为以后年度安排补助资金的重要依据。"),
        ("p", "第十四条　企业在申报过程中弄虚作假、虚报研究开发费用骗取补助资金的，由市财政局追回已拨付资金，取消该企业3年内申报市级科技计划项目的资格，并将失信行为记入科研诚信档案；涉嫌违法犯罪的，依法移送有关机关处理。"),
        ("p", "第十五条　有关工作人员在补助资金审核、拨付过程中滥用职权、玩忽职守、徇私舞弊的，依法依规追究相应责任。"),
        ("chapter", "第六章　附则"),
        ("p", "第十六条　本办法由市科技局、市财政局负责解释。"),
        ("p", "第十七条　本办法自2024年3月1日起施行，有效期3年。原《株洲市企业研发经费补助办法》同时废止。"),
        ("p", "政策咨询电话：0731-28681234（市科技局资源配置与管理科）"),
        ("sign", "株洲市科学技术局　　株洲市财政局"),
        ("date", "2024年2月18日"),
        ("note", "（此件主动公开）"),
    ],
}


# ---------------------------------------------------------------------------
# DOC 2  芜湖  高层次人才安居补贴  (html)
# ---------------------------------------------------------------------------
DOC2 = {
    "file": "doc2.html",
    "city": "芜湖",
    "topic": "高层次人才引进安居补贴",
    "site": {
        "name": "芜湖市人民政府",
        "domain": "www.wuhu.gov.cn",
        "host_office": "芜湖市人民政府办公室",
        "phone": "0553-3838000",
        "icp": "皖ICP备05001876号-1",
        "police": "皖公网安备 34020202000123号",
        "sitecode": "3402000022",
        "column": "政策文件",
        "pubtime": "2024-05-10 16:30",
        "source": "芜湖市人力资源和社会保障局",
        "keywords": "人才,安居补贴,购房补贴,租房补贴",
        "related": [
            "芜湖市人才公寓建设和管理办法",
            "关于做好2024年普通高校毕业生就业创业工作的通知",
            "芜湖市技能人才评价实施方案",
            "芜湖市博士后科研工作站管理办法",
            "关于公布2024年第一批芜湖市高层次人才认定名单的公示",
        ],
    },
    "title": "关于印发《芜湖市高层次人才引进安居补贴实施办法》的通知",
    "blocks": [
        ("docno", "芜人社秘〔2024〕45号"),
        ("p", "各县市区人民政府，各开发区管委会，市直各单位："),
        ("p", "为加快建设长三角具有重要影响力的人才集聚高地，经市政府同意，现将《芜湖市高层次人才引进安居补贴实施办法》印发给你们，请认真遵照执行。"),
        ("sign", "芜湖市人力资源和社会保障局　芜湖市财政局　芜湖市住房和城乡建设局"),
        ("date", "2024年5月8日"),
        ("subtitle", "芜湖市高层次人才引进安居补贴实施办法"),
        ("p", "第一条　为深入实施人才强市战略，吸引集聚各类高层次人才来芜创新创业，切实解决人才安居需求，根据国家和省有关人才政策规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法适用于2024年1月1日以后全职引进到我市企事业单位工作，与用人单位签订5年以上劳动（聘用）合同，并在芜湖市依法缴纳社会保险的高层次人才。党政机关、参照公务员法管理的事业单位工作人员不适用本办法。"),
        ("p", "第三条　高层次人才分为A类、B类、C类、D类四个层次，认定标准按照《芜湖市高层次人才分类目录》执行，分类目录由市委人才工作领导小组办公室根据产业发展需要适时调整。对企业引进的市场化人才，可按照其上年度在本单位取得的税前年薪进行认定。"),
        ("p", "A类人才主要包括两院院士、国家级重大人才工程入选者等；B类人才主要包括国家级人才工程青年项目入选者、省级重大人才工程入选者等；C类人才主要包括正高级专业技术职称人员、市级产业创新团队核心成员等；D类人才主要包括副高级专业技术职称人员、高级技师等。"),
        ("p", "第四条　申请D类（青年英才）认定的，年龄原则上不超过35周岁；申请其他类别认定的，年龄一般不超过55周岁，特别优秀的可适当放宽。"),
        ("p", "第五条　高层次人才安居补贴包括购房补贴和租房补贴，具体标准如下："),
        ("table", "芜湖市高层次人才安居补贴标准",
         ["人才类别", "市场化认定标准（上年度税前年薪）", "购房补贴", "租房补贴（每月）"],
         [["A类（领军人才）", "100万元（含）以上", "200万元", "5000元"],
          ["B类（拔尖人才）", "50万元（含）—100万元", "100万元", "3000元"],
          ["C类（骨干人才）", "30万元（含）—50万元", "50万元", "2000元"],
          ["D类（青年英才）", "15万元（含）—30万元", "20万元", "1000元"]]),
        ("p", "第六条　在芜湖市首次购买商品住房的高层次人才，可申领购房补贴。首次购买是指人才本人及其配偶、未成年子女在本市范围内无自有住房登记记录。购房补贴分5年发放，每年发放20%。未在芜购房的，可申领租房补贴，租房补贴最长享受36个月。购房补贴与租房补贴不得同时享受。"),
        ("p", "第七条　新引进的全日制博士研究生，比照D类人才标准享受安居补贴；新引进的全日制硕士研究生，给予一次性生活补贴3万元。"),
        ("p", "第八条　同一人才同时符合本市多项安居类政策的，按照“就高不重复”的原则享受，不得重复申领。夫妻双方均为高层次人才的，只能由一方申领购房补贴。"),
        ("p", "第九条　安居补贴按照以下程序申领："),
        ("p", "（一）提交申请。用人单位于人才入职满3个月后，通过“芜湖人才服务平台”为人才提交申请；"),
        ("p", "（二）审核认定。市人才服务中心会同有关部门在20个工作日内完成审核；"),
        ("p", "（三）社会公示。审核通过的名单在市人社局网站公示7个工作日；"),
        ("p", "（四）资金拨付。公示无异议的，由市财政局将补贴资金直接拨付至人才本人银行账户。"),
        ("p", "第十条　申领安居补贴应当提交以下材料：身份证明、学历学位证书、劳动（聘用）合同、社会保险缴纳证明、个人所得税完税证明，申领购房补贴的还应当提交购房合同和不动产权证书。"),
        ("p", "第十一条　安居补贴资金由市级财政和人才所在县市区（开发区）财政按照5:5的比例分担。用人单位应当如实出具人才工作和薪酬证明，配合做好人才服务管理工作。"),
        ("p", "第十二条　人才在享受补贴期间离开芜湖市或者与用人单位解除劳动（聘用）合同的，停止发放剩余补贴；服务期未满5年的，按照未满年限比例退还已领取的购房补贴。因用人单位破产、重组等非个人原因解除合同，并在6个月内于本市重新就业的，可继续享受剩余补贴。"),
        ("p", "第十三条　以提供虚假材料等方式骗取安居补贴的，由市人社局追回已发放的补贴资金，5年内不得申报我市各类人才项目，并将相关情况纳入个人信用记录；构成犯罪的，依法追究刑事责任。用人单位协助弄虚作假的，取消其3年内享受我市人才政策的资格。"),
        ("p", "第十四条　各有关部门工作人员在安居补贴审核、发放工作中玩忽职守、滥用职权、徇私舞弊的，依纪依法追究责任。"),
        ("p", "第十五条　本办法由市人社局会同市财政局、市住房城乡建设局负责解释。"),
        ("p", "第十六条　本办法自2024年6月1日起施行，有效期至2026年12月31日。此前我市出台的人才安居政策与本办法不一致的，以本办法为准。"),
        ("p", "咨询电话：0553-3996512（市人才服务中心）"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 3  洛阳  中小微企业贷款贴息  (pdf)
# ---------------------------------------------------------------------------
DOC3 = {
    "file": "doc3.pdf",
    "city": "洛阳",
    "topic": "中小微企业贷款贴息",
    "pdf_col_widths": [2.8, 5.2, 3.4, 4.8],
    "blocks": [
        ("issuer", "洛阳市工业和信息化局　洛阳市财政局"),
        ("docno", "洛工信〔2024〕35号"),
        ("title", "洛阳市中小微企业贷款贴息实施细则"),
        ("h2", "第一章　总则"),
        ("p", "第一条　为缓解中小微企业融资难、融资贵问题，降低企业融资成本，引导金融资源更多投向制造业和科技创新领域，支持实体经济稳定发展，根据国家和省关于促进中小企业发展的有关规定，制定本细则。"),
        ("p", "第二条　本细则适用于在洛阳市行政区域内依法登记注册、具有独立法人资格的中小微企业（按照国家中小企业划型标准认定），在2024年1月1日至2024年12月31日期间从本市银行业金融机构新获得的1年期（含）以上流动资金贷款或者固定资产贷款。"),
        ("p", "第三条　市工业和信息化局负责贴息政策的组织实施和审核，市财政局负责贴息资金的预算安排、拨付和监督。贴息资金由市级财政和企业所在县（市、区）财政按照6:4的比例分担。"),
        ("p", "第四条　本细则所称新获得贷款，是指企业在规定期间内与银行业金融机构新签订借款合同并实际放款的贷款，不包括对原有贷款的展期和续贷。"),
        ("h2", "第二章　申请条件"),
        ("p", "第五条　申请贴息的企业应当同时符合以下条件："),
        ("p", "（一）属于制造业、软件和信息技术服务业、科技服务业等实体经济领域；"),
        ("p", "（二）上年度营业收入不超过4亿元；"),
        ("p", "（三）贷款资金用于企业生产经营，未用于购买房地产、股票、理财产品等；"),
        ("p", "（四）按期还本付息，申请时无逾期、欠息记录；"),
        ("p", "（五）未被列入失信被执行人名单和严重失信主体名单。"),
        ("p", "第六条　展期贷款、借新还旧贷款、关联企业之间的委托贷款不予贴息。"),
        ("h2", "第三章　贴息标准"),
        ("p", "第七条　贴息金额按照贷款实际发生额、实际占用天数和一年期贷款市场报价利率（LPR）计算；企业实际贷款利率低于LPR的，按照实际利率计算。计算公式为：贴息金额＝贷款实际发生额×计息利率×贴息比例×实际占用天数÷360。贴息比例按单户贷款金额分档确定："),
        ("table", "洛阳市中小微企业贷款贴息标准",
         ["贴息档次", "单户贷款金额", "贴息比例", "单户年度最高贴息额"],
         [["第一档", "500万元以下", "50%", "10万元"],
          ["第二档", "500万元（含）—2000万元", "40%", "30万元"],
          ["第三档", "2000万元（含）—5000万元", "30%", "50万元"]]),
        ("p", "注：贴息比例指贴息金额占按上述利率计算的应付利息的比例；单户贷款超过5000万元的部分不予贴息。"),
        ("p", "第八条　对国家级、省级专精特新中小企业和高新技术企业，贴息比例在上表基础上提高10个百分点，单户年度最高贴息额不变。"),
        ("p", "第九条　同一企业年度累计贴息金额不超过50万元，单笔贷款贴息期限最长不超过12个月。已享受其他市级财政贴息政策的同一笔贷款，不得重复申请。"),
        ("h2", "第四章　申请程序"),
        ("p", "第十条　贴息实行按季度申报。企业于每季度结束后15个工作日内，通过“洛阳市惠企政策服务平台”提交申请，并上传以下材料："),
        ("p", "（一）洛阳市中小微企业贷款贴息申请表；"),
        ("p", "（二）借款合同、放款凭证和利息支付凭证；"),
        ("p", "（三）贷款银行出具的按期付息证明；"),
        ("p", "（四）上年度财务报表或者纳税申报表；"),
        ("p", "（五）企业信用承诺书。"),
        ("p", "第十一条　县（市、区）工业和信息化主管部门负责初审，市工业和信息化局会同市财政局复审，复审结果在市工业和信息化局网站公示7天。公示无异议的，贴息资金采取“先付息、后贴息”方式直接拨付至企业基本账户。"),
        ("p", "第十二条　鼓励本市银行业金融机构对符合条件的中小微企业给予利率优惠，简化审批流程，提高首贷、信用贷比重。市工业和信息化局定期组织银企对接活动，发布重点企业融资需求清单。"),
        ("p", "第十三条　各县（市、区）可以在本细则基础上，结合本地财力适当提高贴息比例，所需资金由县级财政承担。本细则所称专精特新中小企业、高新技术企业，以申请贴息时处于有效期内的认定文件为准。"),
        ("h2", "第五章　监督管理"),
        ("p", "第十四条　企业应当对申请材料的真实性、合法性负责。以弄虚作假、虚构贷款、改变贷款用途等方式套取贴息资金的，由市财政局追回贴息资金，2年内取消其享受市级财政扶持政策的资格，并依照《财政违法行为处罚处分条例》等规定处理；涉嫌犯罪的，移送司法机关依法处理。"),
        ("p", "第十五条　合作银行业金融机构应当如实出具贷款及付息证明。协助企业骗取贴息资金的，由市工业和信息化局予以通报，并暂停其参与本市政银合作项目的资格。"),
        ("p", "第十六条　市工业和信息化局、市财政局每年对贴息政策实施情况开展绩效评价，根据评价结果适时调整贴息标准。"),
        ("h2", "第六章　附则"),
        ("p", "第十七条　本细则由市工业和信息化局、市财政局负责解释。"),
        ("p", "第十八条　本细则自2024年5月1日起施行，有效期2年。"),
        ("p", "政策咨询电话：0379-63921571（市工业和信息化局中小企业科）"),
        ("sign", "洛阳市工业和信息化局　　洛阳市财政局"),
        ("date", "2024年4月12日"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 4  柳州  专精特新培育奖励  (docx)
# ---------------------------------------------------------------------------
DOC4 = {
    "file": "doc4.docx",
    "city": "柳州",
    "topic": "专精特新中小企业培育奖励",
    "blocks": [
        ("issuer", "柳州市工业和信息化局　柳州市财政局"),
        ("docno", "柳工信发〔2024〕21号"),
        ("title", "柳州市工业和信息化局　柳州市财政局关于印发《柳州市专精特新中小企业培育奖励办法》的通知"),
        ("p", "各县、区工业和信息化主管部门、财政局，柳东新区、北部生态新区（阳和工业新区）经济发展局，各有关企业："),
        ("p", "为加快构建优质中小企业梯度培育体系，推动中小企业走专业化、精细化、特色化、新颖化发展道路，现将《柳州市专精特新中小企业培育奖励办法》印发给你们，请认真组织实施。"),
        ("subtitle", "柳州市专精特新中小企业培育奖励办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为贯彻落实国家和自治区关于促进中小企业专精特新发展的决策部署，引导中小企业加大创新投入、做精做强主业，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法适用于在柳州市行政区域内注册、纳税，具有独立法人资格的中小企业。"),
        ("p", "第三条　市工业和信息化局负责专精特新企业梯度培育工作和奖励资金的审核，市财政局负责奖励资金的预算安排和拨付。我市按照“创新型中小企业—专精特新中小企业—专精特新‘小巨人’企业”的梯度开展培育。"),
        ("p", "第四条　市工业和信息化局建立专精特新企业培育库，每年组织入库企业开展评价遴选。对入库企业实行“一企一策”跟踪服务，在技术改造、融资对接、人才引进、市场开拓等方面给予重点指导，优先推荐申报国家级、自治区级相关项目。"),
        ("chapter", "第二章　奖励标准"),
        ("p", "第五条　对获得认定和实现较快成长的专精特新企业，按照下表标准给予奖励："),
        ("table", "柳州市专精特新中小企业奖励标准",
         ["奖励档次", "奖励条件", "奖励标准", "最高额度"],
         [["A类", "首次被认定为国家级专精特新“小巨人”企业", "一次性奖励", "80万元"],
          ["B类", "首次被认定为省级专精特新中小企业", "一次性奖励", "20万元"],
          ["C类", "专精特新企业上年度营业收入1亿元（含）—5亿元，且同比增长15%以上", "按营业收入增量部分的0.5%给予成长奖励", "30万元"],
          ["D类", "专精特新企业上年度营业收入5亿元（含）以上，且同比增长10%以上", "按营业收入增量部分的0.3%给予成长奖励", "50万元"]]),
        ("p", "第六条　已享受省级专精特新中小企业奖励、后又首次被认定为国家级专精特新“小巨人”企业的，按照国家级奖励标准补足差额。"),
        ("p", "第七条　首次被评价为创新型中小企业的，给予一次性奖励5万元。"),
        ("p", "第八条　专精特新企业聘请第三方专业机构开展管理咨询、数字化转型诊断等服务的，按照实际支付服务费用的50%给予补助，每家企业每年最高不超过5万元。"),
        ("p", "第九条　同一企业同一年度同一事项不重复奖励；C类与D类成长奖励不得同时享受。奖励资金由企业统筹用于研发创新、技术改造和人才培养。"),
        ("chapter", "第三章　申报条件"),
        ("p", "第十条　申报奖励的企业应当同时符合以下条件："),
        ("p", "（一）在柳州市注册、纳税，具有独立法人资格；"),
        ("p", "（二）相应的专精特新或者创新型中小企业资格在有效期内；"),
        ("p", "（三）近3年内未发生重大安全生产、生态环境、产品质量事故；"),
        ("p", "（四）未被列入严重失信主体名单。"),
        ("p", "第十一条　在复核中被取消资格或者资格已过有效期的企业，不予奖励。企业因迁出柳州市导致注册、纳税地变更的，已拨付的奖励资金应当予以退回。"),
        ("chapter", "第四章　申报程序"),
        ("p", "第十二条　奖励资金每年8月集中申报一次。企业按照申报通知要求，向注册地县（区）工业和信息化主管部门提交申请表、认定文件、上年度财务审计报告及纳税证明等材料。"),
        ("p", "第十三条　县（区）工业和信息化主管部门对申报材料进行初审后报市工业和信息化局。市工业和信息化局审核后将拟奖励名单在局门户网站公示10个工作日，公示无异议的，由市财政局按程序拨付资金。"),
        ("chapter", "第五章　监督管理与法律责任"),
        ("p", "第十四条　申报企业对申报材料的真实性负责。以弄虚作假、重复申报等手段骗取奖励资金的，由市工业和信息化局会同市财政局追回奖励资金，5年内取消其申报市级工业和信息化专项资金的资格，并依法依规纳入信用记录；涉嫌犯罪的，移送司法机关处理。"),
        ("p", "第十五条　市工业和信息化局对获得奖励的企业开展跟踪评估，评估结果作为企业入库、复核和后续政策支持的重要参考。相关工作人员在奖励资金审核、管理工作中存在违规违纪行为的，依法依规严肃追究责任。"),
        ("chapter", "第六章　附则"),
        ("p", "第十六条　本办法所称专精特新企业，是指经工业和信息化部或者自治区工业和信息化厅认定的专精特新“小巨人”企业和专精特新中小企业。本办法所称营业收入增量，是指企业上年度营业收入减去前一年度营业收入的差额。"),
        ("p", "第十七条　本办法由市工业和信息化局、市财政局负责解释。"),
        ("p", "第十八条　本办法自2024年7月1日起施行，有效期5年。"),
        ("p", "咨询电话：0772-2826103（市工业和信息化局中小企业服务科）"),
        ("sign", "柳州市工业和信息化局　　柳州市财政局"),
        ("date", "2024年6月5日"),
        ("note", "（此件公开发布）"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 5  宜宾  政府采购支持中小企业  (html)
# ---------------------------------------------------------------------------
DOC5 = {
    "file": "doc5.html",
    "city": "宜宾",
    "topic": "政府采购支持中小企业",
    "site": {
        "name": "宜宾市人民政府",
        "domain": "www.yibin.gov.cn",
        "host_office": "宜宾市人民政府办公室",
        "phone": "0831-8222035",
        "icp": "蜀ICP备05012467号-1",
        "police": "川公网安备 51150202000231号",
        "sitecode": "5115000015",
        "column": "政策文件",
        "pubtime": "2024-03-25 09:15",
        "source": "宜宾市财政局",
        "keywords": "政府采购,中小企业,预留份额,价格扣除,政采贷",
        "related": [
            "宜宾市政府采购负面清单（2024年版）",
            "关于开展政府采购领域营商环境专项整治的通知",
            "宜宾市政府集中采购目录及标准",
            "宜宾市优化营商环境若干措施",
            "关于做好2024年政府采购意向公开工作的通知",
        ],
    },
    "title": "宜宾市财政局关于印发《宜宾市关于进一步发挥政府采购政策功能支持中小企业发展的若干措施》的通知",
    "blocks": [
        ("docno", "宜财采〔2024〕6号"),
        ("p", "市级各部门，各区县财政局，各政府采购代理机构："),
        ("p", "为进一步优化政府采购营商环境，支持中小企业发展，现将《宜宾市关于进一步发挥政府采购政策功能支持中小企业发展的若干措施》印发给你们，请遵照执行。"),
        ("sign", "宜宾市财政局"),
        ("date", "2024年3月20日"),
        ("subtitle", "宜宾市关于进一步发挥政府采购政策功能支持中小企业发展的若干措施"),
        ("p", "第一条　为贯彻落实《中华人民共和国政府采购法》和《政府采购促进中小企业发展管理办法》，充分发挥政府采购政策功能，降低中小企业参与政府采购的门槛和成本，结合我市实际，制定本措施。"),
        ("p", "第二条　本措施所称中小企业，是指在中华人民共和国境内依法设立，依据国务院批准的中小企业划分标准确定的中型企业、小型企业和微型企业。中小企业参加政府采购活动，应当出具《中小企业声明函》。"),
        ("p", "第三条　采购人应当严格落实面向中小企业预留采购份额政策，按照采购项目预算金额分档执行："),
        ("table", "宜宾市政府采购面向中小企业预留份额及价格扣除标准",
         ["档次", "采购项目预算金额", "面向中小企业预留份额", "非预留项目小微企业价格扣除比例"],
         [["一档", "货物、服务项目200万元以下，工程项目400万元以下", "原则上全部专门面向中小企业采购", "不适用"],
          ["二档", "货物、服务项目200万元（含）—1000万元", "不低于项目预算总额的50%", "15%"],
          ["三档", "货物、服务项目1000万元（含）以上", "不低于项目预算总额的40%，其中预留给小微企业的比例不低于70%", "10%"]]),
        ("p", "采购人可以采取设置采购包、要求供应商以联合体形式参加或者合同分包等方式落实预留份额。确因技术、市场等原因不适宜面向中小企业预留的，应当在采购文件中说明理由。"),
        ("p", "第四条　对于非专门面向中小企业采购的项目，对符合条件的小微企业报价按照上表所列比例给予扣除，用扣除后的价格参加评审。大中型企业与小微企业组成联合体，且小微企业合同份额占联合体合同总金额30%以上的，对联合体报价给予4%的扣除。"),
        ("p", "第五条　清理妨碍公平竞争的规定和做法。采购人、采购代理机构不得以注册资本、资产总额、营业收入、从业人员、利润、纳税额等供应商规模条件对中小企业实行差别待遇或者歧视待遇，不得将供应商特定行政区域的业绩作为加分条件。采购人应当合理确定采购需求，不得设置与采购项目实际需要不相适应的资格条件和技术要求。"),
        ("p", "全面推行政府采购全流程电子化交易，供应商可以通过政府采购交易系统免费获取采购文件，实行远程不见面开标，降低中小企业参与政府采购的时间和费用成本。"),
        ("p", "第六条　降低供应商交易成本。采购人、采购代理机构不得向供应商收取投标（响应）保证金。确需收取履约保证金的，履约保证金比例不得超过政府采购合同金额的2%，并鼓励中小企业以银行保函、保险保函等形式提交。"),
        ("p", "第七条　提高预付款比例。采购人与中小企业签订政府采购合同，具备预付款条件的，预付款比例原则上不低于合同金额的30%。"),
        ("p", "第八条　加快资金支付。对于满足合同约定支付条件的，采购人应当自收到发票后10个工作日内将资金支付到合同约定的供应商账户，不得以机构变动、人员更替、政策调整等为由延迟付款。"),
        ("p", "第九条　推进政府采购合同融资。中标（成交）的中小企业可凭政府采购合同，通过宜宾市政府采购合同融资平台向合作金融机构申请“政采贷”，融资额度最高可达合同金额的80%，贷款利率原则上不高于同期LPR加50个基点，无需抵押担保。"),
        ("p", "第十条　加强采购信息公开。采购人应当在采购活动开始前至少30日公开采购意向，为中小企业参与政府采购预留充足准备时间。采购人应当在采购结果公告中公开中标（成交）供应商的企业规模类型。"),
        ("p", "第十一条　采购人未按规定落实预留份额、价格扣除等政策的，由财政部门责令限期改正，并视情况予以通报。各区县财政部门应当将中小企业预留份额执行情况纳入政府采购监督检查和绩效评价内容。"),
        ("p", "第十二条　供应商提供虚假《中小企业声明函》等材料谋取中标、成交的，中标、成交无效，由财政部门依照《中华人民共和国政府采购法》第七十七条规定，处以采购金额千分之五以上千分之十以下的罚款，列入不良行为记录名单，在一至三年内禁止参加政府采购活动；构成犯罪的，依法追究刑事责任。"),
        ("p", "第十三条　本措施由宜宾市财政局负责解释。"),
        ("p", "第十四条　本措施自2024年4月1日起施行，有效期至2027年3月31日。"),
        ("p", "咨询电话：0831-8201567（市财政局政府采购监督管理科）"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 6  绵阳  工业用地保障  (pdf)
# ---------------------------------------------------------------------------
DOC6 = {
    "file": "doc6.pdf",
    "city": "绵阳",
    "topic": "工业项目用地保障",
    "pdf_col_widths": [1.8, 3.9, 7.2, 3.3],
    "pdf_table_font": 9,
    "blocks": [
        ("issuer", "绵阳市自然资源和规划局　绵阳市经济和信息化局"),
        ("docno", "绵自然资规〔2024〕3号"),
        ("title", "绵阳市支持工业项目用地保障和节约集约利用若干措施"),
        ("p", "为深入推进工业强市战略，强化工业项目用地要素保障，提高工业用地节约集约利用水平，根据《中华人民共和国土地管理法》及国家、省有关规定，结合我市实际，制定以下措施。"),
        ("h2", "一、加强用地计划保障"),
        ("p", "（一）每年新增建设用地计划指标优先保障工业项目，用于工业项目的比例原则上不低于30%。对列入省、市重点项目清单的工业项目，实行用地指标“应保尽保”。"),
        ("p", "（二）推行工业项目“拿地即开工”审批模式，在土地出让前完成规划条件、环境影响评价、能源评估等前期工作，企业签订土地出让合同后即可申领建设工程规划许可证和施工许可证。县（市、区）自然资源主管部门应当在收到完整申请材料后5个工作日内出具规划条件。"),
        ("h2", "二、推行“标准地”出让"),
        ("p", "（三）全市各类开发区、工业园区内新增工业用地，原则上按照“标准地”方式供应。“标准地”出让前，由园区管理机构明确固定资产投资强度、容积率、亩均税收、单位能耗等控制性指标，纳入出让公告和土地出让合同。"),
        ("p", "（四）工业项目容积率不低于1.0，建筑系数不低于40%，行政办公及生活服务设施用地面积不得超过项目总用地面积的7%。"),
        ("p", "支持工业用地混合利用。单一工业用地可以兼容研发设计、检验检测、仓储物流等生产性服务功能，兼容用途的建筑面积不超过项目总建筑面积的15%，兼容部分不得分割登记、分割转让。"),
        ("h2", "三、实行差别化地价和配套费政策"),
        ("p", "（五）对符合我市产业发展导向、用地集约的工业项目，按照项目固定资产投资额分类确定土地出让起始价，并相应减免城市基础设施配套费，具体标准如下："),
        ("table", "绵阳市工业项目土地出让起始价及配套费减免标准",
         ["项目类别", "项目固定资产投资额", "土地出让起始价", "城市基础设施配套费"],
         [["A类", "20亿元（含）以上", "不低于所在地工业用地出让最低价标准的70%", "全额减免"],
          ["B类", "5亿元（含）—20亿元", "不低于所在地工业用地出让最低价标准的80%", "减免50%"],
          ["C类", "1亿元（含）—5亿元", "不低于所在地工业用地出让最低价标准的90%", "减免30%"]]),
        ("p", "（六）项目固定资产投资额以项目投资协议约定并经备案的金额为准。享受上述政策的项目，应当在土地出让合同中约定投资强度、达产期限和亩均税收等履约要求。"),
        ("h2", "四、创新工业用地供应方式"),
        ("p", "（七）工业用地可以采取长期租赁、先租后让、弹性年期出让等方式供应。工业用地出让年限最长不超过30年；长期租赁年限不超过20年。"),
        ("p", "（八）实行先租后让的，租赁期限不超过5年。租赁期满经评估达到约定条件的，可依法办理协议出让手续；未达到约定条件的，由出租方收回土地。"),
        ("p", "（九）工业用地土地出让价款可以分期缴纳，首次缴纳比例不低于50%，其余价款在1年内缴清。"),
        ("h2", "五、盘活存量工业用地"),
        ("p", "（十）在符合国土空间规划、不改变土地用途的前提下，对现有工业用地通过厂房加层、厂区改造、内部用地整理等途径提高容积率的，不再增收土地价款。"),
        ("p", "（十一）鼓励建设多层标准厂房，对建设4层以上标准厂房的项目，优先安排用地计划指标。对低效工业用地，支持通过协议收回、收购储备、合作开发等方式实施再开发。低效工业用地是指亩均税收低于所在园区平均水平50%、或者长期停产半停产的工业用地，由各园区每年组织调查认定并建立台账。"),
        ("h2", "六、强化用地监管"),
        ("p", "（十二）实行工业用地全生命周期管理。园区管理机构与用地企业签订投资建设履约监管协议，项目竣工投产后开展达产复核，亩均税收未达到约定标准的，按照协议约定承担违约责任。对亩均税收、投资强度达到园区控制指标1.5倍以上的企业，申请扩大生产用地的，在同等条件下优先保障。"),
        ("p", "（十三）土地出让合同约定的动工开发日期满1年未动工的，按照土地出让价款的20%征收土地闲置费；满2年未动工的，依法无偿收回国有建设用地使用权，但因不可抗力或者政府原因造成的除外。"),
        ("p", "（十四）用地企业以虚报投资额、提供虚假材料等方式骗取地价优惠和配套费减免的，由自然资源主管部门会同有关部门追缴已减免的城市基础设施配套费和土地价款差额，并将相关信息纳入公共信用信息平台实施联合惩戒。"),
        ("h2", "七、附则"),
        ("p", "（十五）本措施所称工业用地最低价标准，是指国家规定的《全国工业用地出让最低价标准》。各县（市、区）可结合本地实际制定具体实施办法。"),
        ("p", "（十六）本措施由市自然资源和规划局、市经济和信息化局负责解释。"),
        ("p", "（十七）本措施自2024年9月1日起施行，有效期至2027年8月31日。"),
        ("p", "政策咨询电话：0816-2352618（市自然资源和规划局土地利用科）"),
        ("sign", "绵阳市自然资源和规划局　　绵阳市经济和信息化局"),
        ("date", "2024年8月20日"),
    ],
}

DOCS = [DOC1, DOC2, DOC3, DOC4, DOC5, DOC6]


def plain_text(doc):
    """All visible document text (body + table cells), in reading order."""
    parts = []
    if "title" in doc:
        parts.append(doc["title"])
    for b in doc["blocks"]:
        if b[0] == "table":
            parts.append(b[1])
            parts.extend(b[2])
            for r in b[3]:
                parts.extend(r)
        else:
            parts.append(b[1])
    return "\n".join(parts)


# ===========================================================================
# Renderers
# ===========================================================================
import html as _html
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


# ----------------------------- DOCX ---------------------------------------
def build_docx(doc, path):
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    d = Document()
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)

    def fmt_run(run, font="仿宋_GB2312", size=16, bold=False, color=None):
        run.font.name = font
        run._element.rPr.rFonts.set(qn("w:eastAsia"), font)
        run.font.size = Pt(size)
        run.font.bold = bold
        if color:
            run.font.color.rgb = RGBColor(*color)

    def bottom_border(p, color="FF0000", sz="18"):
        pPr = p._p.get_or_add_pPr()
        pbdr = OxmlElement("w:pBdr")
        b = OxmlElement("w:bottom")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), sz)
        b.set(qn("w:space"), "6")
        b.set(qn("w:color"), color)
        pbdr.append(b)
        pPr.append(pbdr)

    def para(text, font="仿宋_GB2312", size=16, bold=False, color=None,
             align=None, indent=True, border=False, space_after=0):
        p = d.add_paragraph()
        if border:
            bottom_border(p)
        pf = p.paragraph_format
        if align is not None:
            p.alignment = align
        pf.space_after = Pt(space_after)
        pf.line_spacing = Pt(28)
        if indent:
            pf.first_line_indent = Pt(size * 2)
        fmt_run(p.add_run(text), font, size, bold, color)
        return p

    C = WD_ALIGN_PARAGRAPH.CENTER
    R = WD_ALIGN_PARAGRAPH.RIGHT
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "issuer":
            para(b[1], "方正小标宋简体", 26, True, (0xE6, 0x00, 0x00), C, False, space_after=18)
        elif kind == "docno":
            para(b[1], "仿宋_GB2312", 16, False, None, C, False, border=True, space_after=24)
        elif kind == "title":
            para(b[1], "方正小标宋简体", 22, False, None, C, False, space_after=18)
        elif kind == "subtitle":
            d.add_paragraph()
            para(b[1], "方正小标宋简体", 20, False, None, C, False, space_after=12)
        elif kind == "chapter":
            para(b[1], "黑体", 16, False, None, C, False, space_after=6)
        elif kind == "h2":
            para(b[1], "黑体", 16, False)
        elif kind == "p":
            para(b[1])
        elif kind == "sign":
            d.add_paragraph()
            para(b[1], align=R, indent=False)
        elif kind == "date":
            para(b[1], align=R, indent=False)
        elif kind == "note":
            para(b[1], indent=True)
        elif kind == "table":
            _, caption, header, rows = b
            para(caption, "黑体", 14, False, None, C, False, space_after=6)
            t = d.add_table(rows=1 + len(rows), cols=len(header))
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r_i, row in enumerate([header] + rows):
                for c_i, val in enumerate(row):
                    cell = t.cell(r_i, c_i)
                    cell.text = ""
                    p = cell.paragraphs[0]
                    p.alignment = C
                    fmt_run(p.add_run(val), "黑体" if r_i == 0 else "仿宋_GB2312",
                            12, r_i == 0)
            d.add_paragraph()
        else:
            raise ValueError(kind)

    # page number field in footer: "— PAGE —"
    fp = sec.footer.paragraphs[0]
    fp.alignment = C
    def fld(p, instr):
        r = p.add_run()
        for item in (("w:fldChar", "begin"), None, ("w:fldChar", "end")):
            if item is None:
                it = OxmlElement("w:instrText")
                it.set(qn("xml:space"), "preserve")
                it.text = instr
                r._r.append(it)
            else:
                fc = OxmlElement(item[0])
                fc.set(qn("w:fldCharType"), item[1])
                r._r.append(fc)
    fmt_run(fp.add_run("— "), "宋体", 14)
    fld(fp, "PAGE")
    fmt_run(fp.add_run(" —"), "宋体", 14)
    d.core_properties.title = [b[1] for b in doc["blocks"] if b[0] == "title"][0]
    d.core_properties.author = [b[1] for b in doc["blocks"] if b[0] == "issuer"][0]
    d.save(path)


# ----------------------------- HTML ---------------------------------------
HTML_TMPL = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}_{column}_{site}</title>
<meta name="SiteName" content="{site}">
<meta name="SiteDomain" content="{domain}">
<meta name="ColumnName" content="{column}">
<meta name="ColumnType" content="政务公开">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{pubtime}">
<meta name="ContentSource" content="{source}">
<meta name="Keywords" content="{keywords}">
<meta name="Description" content="{title}">
<link rel="stylesheet" href="/images/common.css">
<style>
body{{margin:0;font-family:"Microsoft YaHei",SimSun,sans-serif;background:#f4f4f4;color:#333}}
.top{{background:#b30000;color:#fff;padding:18px 0}}
.top .logo{{width:1200px;margin:0 auto;font-size:30px;font-weight:bold}}
.nav{{background:#c91b1b}}
.nav ul{{width:1200px;margin:0 auto;padding:0;list-style:none;display:flex}}
.nav li a{{display:block;color:#fff;padding:12px 36px;text-decoration:none;font-size:17px}}
.main{{width:1200px;margin:16px auto;display:flex}}
.side{{width:260px;background:#fff;margin-right:16px;padding:12px}}
.article{{flex:1;background:#fff;padding:24px 40px}}
.article h1{{text-align:center;font-size:24px;color:#000;line-height:1.6}}
.info{{text-align:center;color:#888;font-size:14px;border-bottom:1px dashed #ccc;padding-bottom:10px}}
.meta-box{{background:#f8f8f8;border:1px solid #e2e2e2;padding:8px 16px;font-size:14px;margin:14px 0}}
.meta-box li{{display:inline-block;width:45%;line-height:26px}}
.content p{{text-indent:2em;line-height:2;font-size:16px;margin:4px 0}}
.content p.wh,.content p.subtitle{{text-align:center;text-indent:0}}
.content p.subtitle{{font-size:20px;font-weight:bold;margin:18px 0}}
.content p.right{{text-align:right}}
.content table{{border-collapse:collapse;margin:10px auto;width:96%}}
.content td,.content th{{border:1px solid #666;padding:6px 8px;font-size:15px;text-align:center}}
.content caption{{font-weight:bold;padding:6px}}
.share{{margin-top:24px;text-align:right;font-size:14px;color:#666}}
.share a{{margin-left:10px;color:#b30000;cursor:pointer}}
.footer{{background:#8e0000;color:#f1dede;text-align:center;font-size:14px;line-height:28px;padding:16px 0}}
.footer a{{color:#fff;text-decoration:none}}
</style>
<script type="text/javascript">
var _hmt = _hmt || [];
(function() {{
  var hm = document.createElement("script");
  hm.src = "https://tongji.{domain}/stat.js?sid=gov2024";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
}})();
</script>
</head>
<body>
<div class="top"><div class="logo">{site}</div></div>
<div class="nav">
  <ul>
    <li><a href="/">首页</a></li>
    <li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zwgk/zcwj/">政策文件</a></li>
    <li><a href="/bsfw/">办事服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li>
  </ul>
</div>
<div class="main">
  <div class="side">
    <h3>相关文件</h3>
    <ul class="related">
{related}
    </ul>
    <h3>热点专题</h3>
    <ul>
      <li><a href="/ztzl/yshj/">优化营商环境</a></li>
      <li><a href="/ztzl/zcjd/">政策解读</a></li>
      <li><a href="/hdjl/zxts/">我要咨询</a></li>
    </ul>
  </div>
  <div class="article">
    <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
    <div class="meta-box"><ul>
      <li>发布机构：{source}</li>
      <li>文　　号：{docno}</li>
      <li>发布日期：{pubdate}</li>
      <li>主题分类：{column}</li>
    </ul></div>
    <h1>{title}</h1>
    <div class="info">发布时间：{pubtime}　　来源：{source}　　浏览次数：<span id="hits">--</span>　　字号：<a onclick="setFont(18)">大</a> <a onclick="setFont(16)">中</a> <a onclick="setFont(14)">小</a></div>
    <div class="content" id="zoom">
{body}
    </div>
    <div class="share">分享到：<a onclick="shareTo('weixin')">微信</a><a onclick="shareTo('weibo')">微博</a><a onclick="shareTo('qzone')">QQ空间</a>　<a onclick="window.print()">【打印本页】</a>　<a onclick="window.close()">【关闭窗口】</a></div>
  </div>
</div>
<div class="footer">
  <p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/wzsm/">网站声明</a></p>
  <p>版权所有：{site}　主办单位：{host_office}　网站联系电话：{phone}</p>
  <p><a href="https://beian.miit.gov.cn/">{icp}</a>　<a href="http://www.beian.gov.cn/">{police}</a>　网站标识码：{sitecode}</p>
</div>
<script type="text/javascript">
function setFont(size) {{
  var ps = document.getElementById("zoom").getElementsByTagName("p");
  for (var i = 0; i < ps.length; i++) {{ ps[i].style.fontSize = size + "px"; }}
}}
function shareTo(target) {{
  var url = encodeURIComponent(location.href), title = encodeURIComponent(document.title);
  if (target === "weibo") {{ window.open("https://service.weibo.com/share/share.php?url=" + url + "&title=" + title); }}
  else if (target === "qzone") {{ window.open("https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url=" + url); }}
  else {{ alert("请使用微信“扫一扫”分享本页"); }}
}}
(function () {{ document.getElementById("hits").innerHTML = Math.floor(Math.random() * 3000 + 500); }})();
</script>
</body>
</html>
"""


def build_html(doc, path):
    e = _html.escape
    site = doc["site"]
    body = []
    docno = ""
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "docno":
            docno = b[1]
            body.append('      <p class="wh">%s</p>' % e(b[1]))
        elif kind == "subtitle":
            body.append('      <p class="subtitle">%s</p>' % e(b[1]))
        elif kind in ("sign", "date"):
            body.append('      <p class="right">%s</p>' % e(b[1]))
        elif kind == "p":
            body.append("      <p>%s</p>" % e(b[1]))
        elif kind == "table":
            _, caption, header, rows = b
            t = ['      <table border="1" cellspacing="0" cellpadding="0">',
                 "        <caption>%s</caption>" % e(caption),
                 "        <thead><tr>" + "".join("<th>%s</th>" % e(h) for h in header) + "</tr></thead>",
                 "        <tbody>"]
            for r in rows:
                t.append("          <tr>" + "".join("<td>%s</td>" % e(c) for c in r) + "</tr>")
            t.append("        </tbody>")
            t.append("      </table>")
            body.append("\n".join(t))
        else:
            raise ValueError(kind)
    related = "\n".join('      <li><a href="/zwgk/zcwj/%d.html">%s</a></li>' % (1000 + i, e(x))
                        for i, x in enumerate(site["related"]))
    html_text = HTML_TMPL.format(
        title=e(doc["title"]), column=site["column"], site=site["name"], domain=site["domain"],
        pubtime=site["pubtime"], pubdate=site["pubtime"][:10], source=site["source"],
        keywords=site["keywords"], related=related, docno=e(docno), body="\n".join(body),
        host_office=site["host_office"], phone=site["phone"], icp=site["icp"],
        police=site["police"], sitecode=site.get("sitecode", "3402000001"))
    with open(path, "w", encoding="utf-8") as f:
        f.write(html_text)


# ----------------------------- PDF ----------------------------------------
def build_pdf(doc, path):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (HRFlowable, KeepTogether, Paragraph,
                                    SimpleDocTemplate, Spacer, Table, TableStyle)

    if "wqy" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("wqy", FONT_PATH, subfontIndex=0))
    F = "wqy"
    base = dict(fontName=F, wordWrap="CJK")
    st = {
        "issuer": ParagraphStyle("issuer", fontSize=20, leading=30, alignment=TA_CENTER,
                                 textColor=colors.HexColor("#E60000"), spaceAfter=10, **base),
        "docno": ParagraphStyle("docno", fontSize=12, leading=18, alignment=TA_CENTER, **base),
        "title": ParagraphStyle("title", fontSize=17, leading=26, alignment=TA_CENTER,
                                spaceBefore=12, spaceAfter=12, **base),
        "h2": ParagraphStyle("h2", fontSize=13, leading=22, spaceBefore=6, spaceAfter=2, **base),
        "p": ParagraphStyle("p", fontSize=11.5, leading=21, firstLineIndent=23, **base),
        "right": ParagraphStyle("right", fontSize=11.5, leading=21, alignment=TA_RIGHT, **base),
        "cap": ParagraphStyle("cap", fontSize=11.5, leading=18, alignment=TA_CENTER,
                              spaceBefore=6, spaceAfter=4, **base),
        "th": ParagraphStyle("th", fontSize=doc.get("pdf_table_font", 10), leading=14,
                             alignment=TA_CENTER, **base),
        "td": ParagraphStyle("td", fontSize=doc.get("pdf_table_font", 10), leading=14,
                             alignment=TA_CENTER, **base),
    }
    story = []
    title = ""
    issuer = ""
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "issuer":
            issuer = b[1]
            story.append(Paragraph(_html.escape(b[1]), st["issuer"]))
        elif kind == "docno":
            story.append(Paragraph(_html.escape(b[1]), st["docno"]))
            story.append(HRFlowable(width="100%", thickness=1.5, color=colors.HexColor("#E60000"),
                                    spaceBefore=4, spaceAfter=4))
        elif kind == "title":
            title = b[1]
            story.append(Paragraph(_html.escape(b[1]), st["title"]))
        elif kind == "h2":
            story.append(Paragraph(_html.escape(b[1]), st["h2"]))
        elif kind == "p":
            story.append(Paragraph(_html.escape(b[1]), st["p"]))
        elif kind == "sign":
            story.append(Spacer(1, 18))
            story.append(Paragraph(_html.escape(b[1]), st["right"]))
        elif kind == "date":
            story.append(Paragraph(_html.escape(b[1]), st["right"]))
        elif kind == "table":
            _, caption, header, rows = b
            cap = Paragraph(_html.escape(caption), st["cap"])
            data = [[Paragraph(_html.escape(h), st["th"]) for h in header]]
            data += [[Paragraph(_html.escape(c), st["td"]) for c in r] for r in rows]
            widths = doc.get("pdf_col_widths")
            t = Table(data, colWidths=[w * cm for w in widths] if widths else None, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]))
            story.append(KeepTogether([cap, t]))
            story.append(Spacer(1, 6))
        else:
            raise ValueError(kind)

    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        """Draws the footer page number when the page is finished."""
        def showPage(self):
            self.saveState()
            self.setFont(F, 10.5)
            self.drawCentredString(A4[0] / 2, 1.4 * cm, "— %d —" % self.getPageNumber())
            self.restoreState()
            super().showPage()

    sd = SimpleDocTemplate(path, pagesize=A4, leftMargin=2.4 * cm, rightMargin=2.4 * cm,
                           topMargin=2.5 * cm, bottomMargin=2.5 * cm,
                           title=title, author=issuer, subject=doc["topic"])
    sd.build(story, canvasmaker=NumberedCanvas)


def main():
    os.makedirs(OUT, exist_ok=True)
    for doc in DOCS:
        path = os.path.join(OUT, doc["file"])
        ext = doc["file"].rsplit(".", 1)[1]
        {"docx": build_docx, "html": build_html, "pdf": build_pdf}[ext](doc, path)
        print("built", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
