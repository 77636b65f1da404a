# -*- coding: utf-8 -*-
"""Self-contained builder for six blind test documents (doc7–doc12).

All documents are fictional city-government policy notices.
Run:  python build.py      (writes the six files next to this script)

Block types:
  ("issuer", text)   red header line (issuing organs)
  ("docno", text)    文号 line
  ("title", text)    document title (docx/pdf only; html uses doc["title"] as <h1>)
  ("subtitle", text) title of the attached 办法/细则
  ("chapter", text)  chapter heading (centered)
  ("h2", text)       section heading (left)
  ("p", text)        body paragraph
  ("table", caption, header_row, rows)
  ("sign", text)     signature line (right aligned)
  ("date", text)     date line (right aligned)
  ("note", text)     small note line
"""
import html as _html
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

# ---------------------------------------------------------------------------
# DOC 7  嘉兴  首台（套）重大技术装备保险补偿  (docx)
# ---------------------------------------------------------------------------
DOC7 = {
    "file": "doc7.docx",
    "city": "嘉兴",
    "topic": "首台（套）重大技术装备保险补偿",
    "blocks": [
        ("issuer", "嘉兴市经济和信息化局　嘉兴市财政局"),
        ("docno", "嘉经信发〔2025〕18号"),
        ("title", "嘉兴市经济和信息化局　嘉兴市财政局关于印发《嘉兴市首台（套）重大技术装备保险补偿实施办法》的通知"),
        ("p", "各县（市、区）经济和信息化局、财政局，嘉兴经济技术开发区、嘉兴港区经济发展部门，各有关企业："),
        ("p", "为加快首台（套）重大技术装备推广应用，降低用户使用风险，经市政府同意，现将《嘉兴市首台（套）重大技术装备保险补偿实施办法》印发给你们，请结合实际抓好落实。"),
        ("subtitle", "嘉兴市首台（套）重大技术装备保险补偿实施办法"),
        ("chapter", "第一章　总则"),
        ("p", "第一条　为贯彻落实国家和省关于首台（套）重大技术装备推广应用的部署要求，发挥保险的风险分担作用，推动创新装备产品进入市场，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称首台（套）重大技术装备（以下简称首台套装备），是指经省级以上经济和信息化主管部门认定，在国内或者省内实现重大技术突破、拥有自主知识产权、尚未取得明显市场业绩的装备产品，包括前三台（套）或者同批次产品。"),
        ("p", "本办法所称保险补偿，是指市级财政对生产企业投保首台套装备综合保险所缴纳的保费给予的补贴。"),
        ("p", "第三条　市经济和信息化局负责保险补偿的组织申报、审核和监督管理，市财政局负责补偿资金的预算安排和拨付。补偿资金从市级制造业高质量发展专项资金中列支。"),
        ("chapter", "第二章　申请条件"),
        ("p", "第四条　申请保险补偿的企业应当同时符合下列条件："),
        ("p", "（一）在嘉兴市行政区域内注册登记、具有独立法人资格的装备制造企业，且正常经营满2年；"),
        ("p", "（二）投保产品已列入国家或者浙江省首台（套）装备推广应用指导目录，或者已取得省级以上首台套装备认定；"),
        ("p", "（三）投保险种为首台套装备综合险（含质量风险和责任风险），保险期限不少于1年；"),
        ("p", "（四）投保装备的单台（套）销售合同金额不低于100万元，且已实际交付用户使用；"),
        ("p", "（五）近3年内未发生重大安全生产、产品质量事故，未被列入严重失信主体名单。"),
        ("p", "第五条　有下列情形之一的，不予补偿："),
        ("p", "（一）投保装备销售给企业关联方的；"),
        ("p", "（二）同一装备已获得国家或者省级首台套保险补偿的；"),
        ("p", "（三）保险合同在保险期间内退保或者解除的。"),
        ("chapter", "第三章　补偿标准"),
        ("p", "第六条　保险补偿按照投保装备单台（套）销售合同金额分档核定，补贴金额为企业年度实际缴纳的保费乘以对应补贴比例，超过单台（套）最高补贴额的按最高额核定。具体标准见下表。"),
        ("table", "嘉兴市首台（套）重大技术装备保险补偿标准",
         ["补偿档次", "单台（套）销售合同金额", "保费补贴比例", "单台（套）最高补贴"],
         [["第一档", "5000万元（含）以上", "80%", "400万元"],
          ["第二档", "1000万元（含）—5000万元", "70%", "200万元"],
          ["第三档", "300万元（含）—1000万元", "60%", "60万元"],
          ["第四档", "100万元（含）—300万元", "50%", "20万元"]]),
        ("p", "第七条　保费按照不超过投保年度保险金额3%的费率计算，实际费率超过3%的部分不予补贴。保险期限超过1年的，补贴期限最长不超过3年，按年度申请、逐年核定。"),
        ("p", "第八条　经国家工业和信息化部认定的首台（套）重大技术装备，补贴比例在上表基础上提高10个百分点，但最高不超过90%。同一企业年度累计获得的保险补偿不超过500万元。"),
        ("chapter", "第四章　申报程序"),
        ("p", "第九条　保险补偿每年集中申报两次，分别于3月和9月受理。企业通过“嘉兴市惠企政策直达平台”在线提交申请表、首台套装备认定文件、销售合同及发票、保险合同及保费缴纳凭证、用户单位出具的装备使用证明等材料。"),
        ("p", "第十条　县（市、区）经济和信息化主管部门在10个工作日内完成初审，市经济和信息化局组织专家或者委托第三方机构复核，拟补偿名单在市经济和信息化局门户网站公示5个工作日。公示无异议的，由市财政局将补偿资金拨付至企业账户。"),
        ("chapter", "第五章　监督管理"),
        ("p", "第十一条　企业对申报材料的真实性负责。以虚构销售合同、虚假投保、与保险机构串通退保等方式骗取保险补偿资金的，由市经济和信息化局会同市财政局追回已拨付资金，取消该企业3年内申报市级工业和信息化专项资金的资格，并将失信信息推送至市公共信用信息平台；涉嫌犯罪的，依法移送司法机关处理。"),
        ("p", "第十二条　承保的保险机构应当按照合同约定及时理赔，不得以不正当手段招揽业务。保险机构协助企业骗取补偿资金的，由市经济和信息化局予以通报，并暂停其承保我市首台套装备保险业务2年。"),
        ("chapter", "第六章　附则"),
        ("p", "第十三条　本办法由市经济和信息化局、市财政局负责解释。"),
        ("p", "第十四条　本办法自2025年4月1日起施行，有效期3年。2022年印发的《嘉兴市首台（套）产品推广应用保险补偿暂行办法》同时废止。"),
        ("p", "联系人：市经济和信息化局装备工业处　周先生，联系电话：0573-82091536"),
        ("sign", "嘉兴市经济和信息化局　　嘉兴市财政局"),
        ("date", "2025年3月6日"),
        ("note", "（此件公开发布）"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 8  赣州  科技型中小企业贷款贴息  (html)
# ---------------------------------------------------------------------------
DOC8 = {
    "file": "doc8.html",
    "city": "赣州",
    "topic": "科技型中小企业贷款贴息",
    "site": {
        "name": "赣州市人民政府",
        "domain": "www.ganzhou.gov.cn",
        "host_office": "赣州市人民政府办公室",
        "phone": "0797-8991234",
        "icp": "赣ICP备05004432号-1",
        "police": "赣公网安备 36070202000315号",
        "sitecode": "3607000013",
        "column": "部门文件",
        "index_no": "11360700MB1731256K/2025-0611027",
        "pubtime": "2025-06-13 10:20",
        "source": "市科技局",
        "keywords": "科技型中小企业,科技金融,融资,利息补助",
        "theme": ("#0b4ea2", "#1664c0", "#083a78"),
        "related": [
            "赣州市科技创新券管理办法",
            "关于开展2025年度高新技术企业认定申报工作的通知",
            "赣州市科技成果转移转化奖励办法",
            "赣州市“科贷通”风险补偿资金池管理细则",
            "关于公布第二批赣州市科技型中小企业入库名单的公告",
        ],
    },
    "title": "关于印发《赣州市科技型中小企业贷款贴息实施办法》的通知",
    "blocks": [
        ("issuer", "赣州市科学技术局　赣州市财政局"),
        ("docno", "赣市科字〔2025〕27号"),
        ("p", "各县（市、区）科技局、财政局，赣州经开区、蓉江新区有关部门，各合作银行："),
        ("p", "为深入推进科技金融深度融合，缓解科技型中小企业融资难题，现将《赣州市科技型中小企业贷款贴息实施办法》印发给你们，请认真贯彻执行。"),
        ("sign", "赣州市科学技术局　　赣州市财政局"),
        ("date", "2025年6月10日"),
        ("subtitle", "赣州市科技型中小企业贷款贴息实施办法"),
        ("p", "第一条　为引导金融资源向科技创新领域集聚，降低科技型中小企业融资成本，支持企业加大研发投入，根据国家和省有关科技金融政策规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称科技型中小企业，是指通过全国科技型中小企业信息服务平台评价入库并取得有效入库登记编号的企业，以及上年度营业收入不超过2亿元的高新技术企业。"),
        ("p", "第三条　本办法所称贷款，是指企业自2025年1月1日起从市科技局备案的合作银行新获得的、期限在6个月（含）以上的流动资金贷款，包括信用贷款、知识产权质押贷款、股权质押贷款和保证贷款。展期、借新还旧及关联方委托贷款不纳入贴息范围。"),
        ("p", "第四条　申请贴息的企业应当同时具备以下条件："),
        ("p", "（一）在赣州市行政区域内注册、纳税，具有独立法人资格，且注册满1年；"),
        ("p", "（二）上年度营业收入不超过2亿元，研究开发费用占营业收入的比例不低于3%；"),
        ("p", "（三）贷款资金用于企业研发和生产经营，未用于购买房产、股票、理财产品或者转借他人；"),
        ("p", "（四）按期还本付息，申请时无逾期和欠息记录；"),
        ("p", "（五）未被列入失信被执行人名单和严重失信主体名单。"),
        ("p", "第五条　贴息金额以企业实际支付的利息为基础，按照贷款发放时一年期贷款市场报价利率（LPR）计算；企业实际执行利率低于LPR的，按照实际利率计算。贴息比例根据企业单户年度新增贷款额分档确定："),
        ("table", "赣州市科技型中小企业贷款贴息标准",
         ["贴息档次", "单户年度新增贷款额", "贴息比例", "单户年度贴息最高额"],
         [["第一档", "300万元以下", "60%", "10万元"],
          ["第二档", "300万元（含）—1000万元", "50%", "25万元"],
          ["第三档", "1000万元（含）—3000万元", "40%", "50万元"],
          ["第四档", "3000万元（含）—5000万元", "30%", "80万元"]]),
        ("p", "单户年度新增贷款额超过5000万元的部分不予贴息。"),
        ("p", "第六条　企业以信用贷款或者知识产权质押贷款方式融资的，贴息比例在上表基础上提高10个百分点；企业首次从银行获得贷款（首贷）的，再提高5个百分点。提高后的贴息比例最高不超过80%，单户年度贴息最高额不变。"),
        ("p", "第七条　单笔贷款贴息期限最长不超过12个月。同一笔贷款已享受其他市级财政贴息的，不得重复申请。"),
        ("p", "第八条　贴息资金实行半年申报制。企业于每年1月申报上一年度下半年发生的利息，于每年7月申报当年上半年发生的利息，通过“赣州市科技金融服务平台”提交贷款合同、放款凭证、付息凭证、上年度财务审计报告、研发费用加计扣除申报材料和信用承诺书。"),
        ("p", "第九条　县（市、区）科技部门会同同级财政部门在15个工作日内完成初审，市科技局组织复审后，在市科技局门户网站公示7个工作日。公示无异议的，由市财政局将贴息资金直接拨付至企业基本账户。"),
        ("p", "第十条　合作银行应当对科技型中小企业实行优惠利率，单列信贷计划，对知识产权质押贷款的审批时间原则上不超过10个工作日。市科技局每年对合作银行开展考核，考核结果与财政性存款存放挂钩。市科技局定期发布科技型中小企业融资需求清单，会同合作银行开展银企对接活动。"),
        ("p", "第十一条　企业以弄虚作假、虚构贷款、挪用贷款资金等方式骗取贴息资金的，由市财政局追回已拨付资金，5年内取消其申报市级科技计划项目和科技金融扶持资金的资格，并按规定记入科研诚信严重失信行为记录；涉嫌犯罪的，依法移送司法机关处理。合作银行出具虚假证明的，取消其合作银行资格。"),
        ("p", "第十二条　本办法由市科技局、市财政局负责解释。"),
        ("p", "第十三条　本办法自2025年7月1日起施行，有效期2年。"),
        ("p", "咨询电话：0797-8127345（市科技局科技金融与成果转化科）"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 9  潍坊  工业用地弹性年期出让  (pdf)
# ---------------------------------------------------------------------------
DOC9 = {
    "file": "doc9.pdf",
    "city": "潍坊",
    "topic": "工业用地弹性年期出让",
    "pdf_col_widths": [2.0, 4.0, 4.8, 5.4],
    "pdf_table_font": 9.5,
    "blocks": [
        ("issuer", "潍坊市自然资源和规划局　潍坊市工业和信息化局"),
        ("docno", "潍自然资规字〔2025〕4号"),
        ("title", "潍坊市工业用地弹性年期出让实施办法"),
        ("p", "各县市区自然资源主管部门、工业和信息化主管部门，市属各开发区有关部门："),
        ("p", "为深化工业用地市场化配置改革，降低企业初始用地成本，提高土地利用效率，根据《中华人民共和国土地管理法》《中华人民共和国城市房地产管理法》及国家、省有关规定，结合我市实际，制定本办法。"),
        ("h2", "一、适用范围"),
        ("p", "（一）本办法适用于本市行政区域内以出让方式供应的新增工业用地（不含仓储用地）。工业用地出让年期由统一按最高50年确定调整为根据产业类型、项目投资规模等因素弹性确定。"),
        ("p", "（二）本办法所称弹性年期出让，是指在法定最高出让年限内，按照产业生命周期和项目实际需要，确定短于法定最高年限的出让年期，期满后经评估可以续期的供地方式。"),
        ("h2", "二、竞买人条件"),
        ("p", "（三）参加工业用地竞买的，应当同时符合以下条件："),
        ("p", "1．竞买人为项目投资主体或者其在潍坊市注册设立的项目公司；"),
        ("p", "2．项目符合国家产业政策和我市产业发展导向，已与县市区政府或者开发区管委会签订投资协议；"),
        ("p", "3．项目固定资产投资强度不低于每亩300万元，达产后亩均税收不低于每亩20万元；"),
        ("p", "4．竞买人及其控股股东未被列入严重失信主体名单，无欠缴土地出让价款、闲置土地等不良记录。"),
        ("h2", "三、出让年期和起始价"),
        ("p", "（四）工业用地出让年期按照项目固定资产投资额分类确定，出让起始价按照对应年期评估地价确定，且不得低于国家规定的工业用地出让最低价标准按年期修正后的价格。具体标准如下："),
        ("table", "潍坊市工业用地弹性年期出让标准",
         ["项目类别", "项目固定资产投资额", "供应方式及年期", "出让起始价"],
         [["A类", "20亿元（含）以上", "出让，最长不超过50年", "按50年期评估地价确定"],
          ["B类", "5亿元（含）—20亿元", "出让，年期为30年", "按30年期评估地价的90%确定"],
          ["C类", "1亿元（含）—5亿元", "出让，年期为20年", "按20年期评估地价的85%确定"],
          ["D类", "1亿元以下", "先租后让，租赁期不超过5年", "年租金按评估地价的3%确定"]]),
        ("p", "（五）列入省重点项目的工业项目，可以在上表基础上上调一个类别确定出让年期，但出让年期最长不超过50年。"),
        ("p", "（六）实行先租后让的，租赁期满经评估达到投资协议约定的投资强度、亩均税收等条件的，可以按照C类标准办理协议出让手续；未达到约定条件的，租赁合同终止，由出租人收回土地，地上建筑物按照合同约定处理。"),
        ("h2", "四、出让价款缴纳和续期"),
        ("p", "（七）土地出让价款可以分期缴纳，首期缴纳比例不低于50%，剩余价款在签订出让合同之日起6个月内缴清。竞得人应当按照出让价款的10%缴纳履约保证金，项目通过达产复核后无息退还。"),
        ("p", "（八）出让年期届满，土地使用权人需要继续使用土地的，应当在期满前6个月提出续期申请。经评估亩均税收达到所在园区平均水平以上的，可以续期，续期年限与原出让年期累计不得超过50年，续期应当按照届时评估地价补缴土地出让价款。"),
        ("p", "（九）出让年期届满未申请续期或者续期申请未获批准的，土地使用权由政府无偿收回，地上建筑物、构筑物按照出让合同约定处理。"),
        ("h2", "五、监管措施"),
        ("p", "（十）实行工业用地全生命周期管理。出让合同应当约定开工、竣工、达产时间以及投资强度、亩均税收等履约指标。项目达产后，由县市区工业和信息化主管部门会同自然资源主管部门开展达产复核。"),
        ("p", "（十一）土地出让合同约定的动工开发日期满1年未动工的，按照土地出让价款的20%征收土地闲置费；满2年未动工的，依法无偿收回土地使用权，但因不可抗力或者政府原因造成的除外。"),
        ("p", "（十二）竞买人以虚报投资额、提供虚假材料等方式骗取出让年期或者地价优惠的，由自然资源主管部门解除出让合同、收回土地使用权，已缴纳的履约保证金不予退还，并将相关信息纳入公共信用信息平台，3年内不得参加本市工业用地竞买。"),
        ("h2", "六、附则"),
        ("p", "（十三）本办法由市自然资源和规划局、市工业和信息化局负责解释。"),
        ("p", "（十四）本办法自2025年5月1日起施行，有效期5年。"),
        ("p", "政策咨询电话：0536-8096312（市自然资源和规划局土地利用科）"),
        ("sign", "潍坊市自然资源和规划局　　潍坊市工业和信息化局"),
        ("date", "2025年4月3日"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 10  泉州  工业企业技术改造投资补助  (docx)
# ---------------------------------------------------------------------------
DOC10 = {
    "file": "doc10.docx",
    "city": "泉州",
    "topic": "工业企业技术改造投资补助",
    "blocks": [
        ("issuer", "泉州市工业和信息化局　泉州市财政局"),
        ("docno", "泉工信规〔2025〕2号"),
        ("title", "泉州市工业和信息化局　泉州市财政局关于印发《泉州市工业企业技术改造投资补助办法》的通知"),
        ("p", "各县（市、区）工信局、财政局，泉州开发区、泉州台商投资区经济发展局，各有关企业："),
        ("p", "为推动工业企业实施新一轮大规模设备更新和技术改造，加快制造业高端化、智能化、绿色化发展，经市政府同意，现将《泉州市工业企业技术改造投资补助办法》印发给你们，请认真贯彻执行。"),
        ("subtitle", "泉州市工业企业技术改造投资补助办法"),
        ("p", "第一条　为引导工业企业加大技术改造投入，推进设备更新、工艺升级和数字化转型，提升产业链现代化水平，根据国家和省有关推动设备更新和技术改造的政策规定，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法所称技术改造投资补助，是指市级财政对企业已竣工投产的技术改造项目，按照项目生产性设备投资额的一定比例给予的事后补助。生产性设备投资包括项目购置的生产设备、检测设备、工业软件及其安装调试费用，不包括土建、厂房装修、办公设备和运输车辆。"),
        ("p", "第三条　申请补助的企业和项目应当同时符合以下条件："),
        ("p", "（一）企业在泉州市行政区域内注册、纳税，为规模以上工业企业；"),
        ("p", "（二）项目已在投资主管部门备案，于2024年1月1日以后开工建设，申报时已竣工投产；"),
        ("p", "（三）项目生产性设备投资额在500万元（含）以上，且设备发票开具日期在项目备案之后；"),
        ("p", "（四）企业上年度亩均效益综合评价结果不为D类；"),
        ("p", "（五）近3年内未发生较大及以上安全生产、生态环境事故，未被列入严重失信主体名单。"),
        ("p", "第四条　技术改造投资补助按照项目生产性设备投资额分档核定，补助金额超过对应档次单个项目最高补助额的，按最高补助额核定。具体标准见下表。"),
        ("table", "泉州市工业企业技术改造投资补助标准",
         ["补助档次", "项目生产性设备投资额", "补助比例", "单个项目最高补助"],
         [["第一档", "500万元（含）—1000万元", "6%", "50万元"],
          ["第二档", "1000万元（含）—3000万元", "8%", "200万元"],
          ["第三档", "3000万元（含）—1亿元", "10%", "600万元"],
          ["第四档", "1亿元（含）以上", "12%", "1000万元"]]),
        ("p", "第五条　项目属于智能化改造、数字化转型或者绿色低碳改造的，补助比例在上表基础上提高2个百分点；项目采购本市装备制造企业生产的设备，采购金额占生产性设备投资额30%以上的，补助比例再提高1个百分点。单个项目补助总额不超过对应档次的最高补助额。"),
        ("p", "第六条　同一企业年度累计获得的技术改造投资补助不超过1500万元。同一项目已获得省级以上技术改造专项资金支持的，市级按照“就高不重复”原则执行。"),
        ("p", "第七条　企业应当在项目竣工投产后6个月内提出申请，由县（市、区）工业和信息化主管部门初审后报市工业和信息化局。企业申报时应当提交项目备案证明、设备购置合同及发票、付款凭证、竣工验收报告，以及会计师事务所出具的项目设备投资专项审计报告。"),
        ("p", "第八条　市工业和信息化局会同市财政局组织现场核查，拟补助项目在市工业和信息化局网站公示7个工作日。公示无异议的，由市财政局按程序拨付补助资金。现场核查重点核实设备到货安装、运行使用情况及发票的真实性。"),
        ("p", "第九条　获得补助的项目设备自补助资金拨付之日起5年内不得擅自转让、出租或者迁出本市；确需处置的，应当报经市工业和信息化局同意，并按照剩余年限比例退回补助资金。"),
        ("p", "第十条　企业以虚增设备投资、以旧充新、虚开发票、关联交易抬高价格等方式骗取补助资金的，由市财政局追回已拨付资金，5年内不得申报市级各类财政专项资金，并将失信信息纳入市公共信用信息平台；涉嫌犯罪的，移送司法机关依法处理。中介机构出具虚假审计报告的，3年内不得承接市级财政专项资金审计业务。"),
        ("p", "第十一条　本办法由市工业和信息化局、市财政局负责解释。"),
        ("p", "第十二条　本办法自2025年3月1日起施行，有效期至2027年12月31日。《泉州市工业企业技术改造奖励办法》（泉工信〔2022〕15号）同时废止。"),
        ("p", "咨询电话：0595-22567381（市工业和信息化局技术改造科）"),
        ("sign", "泉州市工业和信息化局　　泉州市财政局"),
        ("date", "2025年2月14日"),
        ("note", "（此件主动公开）"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 11  镇江  企业上市挂牌奖励  (html)
# ---------------------------------------------------------------------------
DOC11 = {
    "file": "doc11.html",
    "city": "镇江",
    "topic": "企业上市挂牌奖励",
    "site": {
        "name": "镇江市人民政府",
        "domain": "www.zhenjiang.gov.cn",
        "host_office": "镇江市人民政府办公室",
        "phone": "0511-85020110",
        "icp": "苏ICP备05023378号-1",
        "police": "苏公网安备 32110202000117号",
        "sitecode": "3211000006",
        "column": "政策文件",
        "index_no": "014129803/2025-00163",
        "pubtime": "2025-07-18 15:05",
        "source": "市金融局",
        "keywords": "企业上市,资本市场,直接融资,苗圃工程",
        "theme": ("#9e1111", "#c0272d", "#6f0b0b"),
        "related": [
            "镇江市上市后备企业资源库管理办法",
            "关于组织开展2025年度拟上市企业培训的通知",
            "镇江市推动产业基金高质量发展实施意见",
            "镇江市优化营商环境2025年行动方案",
            "关于公布2025年镇江市上市后备企业名单的通知",
        ],
    },
    "title": "关于印发《镇江市推进企业上市挂牌奖励办法》的通知",
    "blocks": [
        ("issuer", "镇江市地方金融管理局　镇江市财政局"),
        ("docno", "镇金发〔2025〕8号"),
        ("p", "各辖市、区金融管理部门、财政局，镇江新区、镇江高新区有关部门，各有关企业："),
        ("p", "为深入实施企业上市“苗圃工程”，推动更多优质企业利用多层次资本市场做大做强，现将《镇江市推进企业上市挂牌奖励办法》印发给你们，请认真贯彻落实。"),
        ("sign", "镇江市地方金融管理局　　镇江市财政局"),
        ("date", "2025年7月15日"),
        ("subtitle", "镇江市推进企业上市挂牌奖励办法"),
        ("p", "第一条　为加快推进企业上市挂牌，提高直接融资比重，培育壮大上市公司群体，结合我市实际，制定本办法。"),
        ("p", "第二条　本办法适用于注册地和纳税地均在镇江市行政区域内，并已列入市级上市后备企业资源库的企业。市地方金融管理局会同有关部门对后备企业实行“一企一档”跟踪服务，协调解决企业在股份制改造、土地房产确权、社保税务合规等方面遇到的问题。"),
        ("p", "第三条　申请奖励的企业应当同时符合以下条件："),
        ("p", "（一）在镇江市注册登记满2年，具有健全的公司治理结构；"),
        ("p", "（二）上年度在镇江市缴纳的税收不低于200万元（申请区域性股权市场挂牌奖励的除外）；"),
        ("p", "（三）近3年内无重大违法违规行为，未发生重大安全生产、生态环境事故；"),
        ("p", "（四）企业及其控股股东、实际控制人未被列入严重失信主体名单。"),
        ("p", "第四条　对企业在境内外资本市场上市挂牌，按照以下类别和标准给予奖励："),
        ("table", "镇江市企业上市挂牌奖励标准",
         ["奖励类别", "奖励条件", "奖励金额"],
         [["境内上市（第一阶段）", "在江苏证监局完成辅导备案", "100万元"],
          ["境内上市（第二阶段）", "首发上市申请获上海、深圳证券交易所受理", "200万元"],
          ["境内上市（第三阶段）", "在上海、深圳证券交易所首发上市", "300万元"],
          ["北交所上市", "在北京证券交易所上市", "300万元"],
          ["境外上市（一档）", "在境外主要证券交易所首发上市，首发融资额折合人民币1亿元（含）—5亿元", "200万元"],
          ["境外上市（二档）", "在境外主要证券交易所首发上市，首发融资额折合人民币5亿元（含）以上", "400万元"],
          ["新三板挂牌", "在全国中小企业股份转让系统挂牌", "50万元"],
          ["区域股权市场挂牌", "在江苏股权交易中心“专精特新”专板挂牌", "10万元"]]),
        ("p", "第五条　境内上市奖励分阶段兑现，同一企业境内首发上市累计奖励最高600万元。境内上市企业首发募集资金在本市投资额达到5亿元（含）以上的，再给予一次性奖励100万元。"),
        ("p", "第六条　已享受新三板挂牌奖励的企业在北京证券交易所上市的，扣除已享受的挂牌奖励后补足差额。企业通过并购重组等方式将上市公司注册地迁入我市的，参照境内上市标准给予一次性奖励300万元。"),
        ("p", "第七条　企业终止上市辅导或者撤回上市申请的，已发放的阶段性奖励不予追回，但同一企业3年内重新申请的，已享受的同一阶段奖励不再重复发放。"),
        ("p", "第八条　上市公司及挂牌企业自获得奖励之日起5年内将注册地或者纳税地迁离本市的，应当全额退回已获得的奖励资金。"),
        ("p", "第九条　企业应当在达到相应奖励条件之日起12个月内，向注册地辖市、区金融管理部门提出申请，提交申请表、辅导备案或者受理文件、上市（挂牌）公告、完税证明等材料。辖市、区金融管理部门初审后报市地方金融管理局，市地方金融管理局会同市财政局审核，审核结果公示5个工作日。"),
        ("p", "第十条　奖励资金由市级财政和企业所在辖市、区财政按照5:5的比例分担，由企业统筹用于上市挂牌相关费用和研发投入。"),
        ("p", "第十一条　企业以提供虚假材料、隐瞒重大事项等弄虚作假方式骗取奖励资金的，由市财政局追回已拨付资金，3年内取消其享受本市各类产业扶持政策的资格，并将相关信息纳入公共信用信息系统；构成犯罪的，依法追究刑事责任。"),
        ("p", "第十二条　本办法由市地方金融管理局、市财政局负责解释。"),
        ("p", "第十三条　本办法自2025年8月1日起施行，有效期3年。此前我市出台的企业上市奖励政策与本办法不一致的，以本办法为准。"),
        ("p", "咨询电话：0511-85012366（市地方金融管理局资本市场处）"),
    ],
}

# ---------------------------------------------------------------------------
# DOC 12  襄阳  外贸企业出口信用保险保费补贴  (pdf)
# ---------------------------------------------------------------------------
DOC12 = {
    "file": "doc12.pdf",
    "city": "襄阳",
    "topic": "外贸企业出口信用保险保费补贴",
    "pdf_col_widths": [2.4, 6.0, 3.6, 4.2],
    "blocks": [
        ("issuer", "襄阳市商务局　襄阳市财政局"),
        ("docno", "襄商务发〔2024〕31号"),
        ("title", "襄阳市外贸企业出口信用保险保费补贴实施细则"),
        ("p", "各县（市、区）商务主管部门、财政局，襄阳高新区、襄阳经开区、东津新区有关部门，各外贸企业："),
        ("h2", "第一章　总则"),
        ("p", "第一条　为发挥出口信用保险稳订单、拓市场、防风险的作用，支持外贸企业扩大出口，根据国家和省关于促进外贸稳规模优结构的有关要求，结合我市实际，制定本细则。"),
        ("p", "第二条　本细则所称出口信用保险保费补贴，是指市级财政对外贸企业投保短期出口信用保险实际缴纳的保费给予的补贴。本细则所称出口额，以海关统计的企业上年度在襄阳市的出口额为准。"),
        ("p", "第三条　市商务局负责补贴的组织申报和审核，市财政局负责资金预算安排和拨付。补贴资金从市级外经贸发展专项资金中列支。"),
        ("h2", "第二章　申请条件"),
        ("p", "第四条　申请保费补贴的企业应当同时符合以下条件："),
        ("p", "（一）在襄阳市行政区域内注册登记，具有独立法人资格，已依法办理对外贸易经营者备案登记或者海关进出口货物收发货人备案；"),
        ("p", "（二）上年度在中国出口信用保险公司湖北分公司或者其他经批准开展出口信用保险业务的保险机构投保短期出口信用保险，并已足额缴纳保费；"),
        ("p", "（三）上年度有海关统计的出口实绩；"),
        ("p", "（四）近2年内无走私、骗取出口退税等违法违规行为，未被海关认定为失信企业。"),
        ("h2", "第三章　补贴标准"),
        ("p", "第五条　保费补贴按照企业上年度出口额分档核定，补贴金额为企业上年度实际缴纳的短期出口信用保险保费乘以对应补贴比例，超过单户年度补贴上限的按上限核定。具体标准如下："),
        ("table", "襄阳市外贸企业出口信用保险保费补贴标准",
         ["补贴档次", "企业上年度出口额", "保费补贴比例", "单户年度补贴上限"],
         [["第一档", "500万美元以下", "80%", "20万元"],
          ["第二档", "500万美元（含）—2000万美元", "60%", "50万元"],
          ["第三档", "2000万美元（含）—5000万美元", "50%", "80万元"],
          ["第四档", "5000万美元（含）以上", "40%", "100万元"]]),
        ("p", "第六条　上年度出口额300万美元以下的小微外贸企业，通过市小微企业出口信用保险统保平台投保的，保费由市级财政全额承担，不再按上表核定。"),
        ("p", "第七条　企业首次投保短期出口信用保险的，补贴比例在上表基础上提高10个百分点；投保“一带一路”共建国家等新兴市场出口业务的保费，补贴比例再提高5个百分点。提高后的补贴比例最高不超过90%。"),
        ("p", "第八条　同一企业同一年度的保费补贴与其他市级财政出口信用保险扶持政策不得重复享受。企业因海关统计数据调整导致出口额跨档的，按照海关最终确认的数据核定。"),
        ("h2", "第四章　申报程序"),
        ("p", "第九条　保费补贴每年申报一次。企业于每年3月31日前，通过“襄阳市商务惠企服务平台”申报上年度保费补贴，提交申请表、保险单、保费缴纳凭证、保险机构出具的保费结算清单和海关出口数据证明。"),
        ("p", "第十条　县（市、区）商务主管部门在10个工作日内完成初审，市商务局会同市财政局复审，复审结果在市商务局门户网站公示5个工作日。公示无异议的，由市财政局将补贴资金拨付至企业账户。"),
        ("h2", "第五章　监督管理"),
        ("p", "第十一条　企业以虚构出口业务、与保险机构串通虚增保费、投保后退保等方式骗取保费补贴的，由市商务局会同市财政局追回补贴资金，3年内取消其申报市级外经贸发展专项资金的资格，并纳入信用记录；涉嫌骗取出口退税等犯罪的，依法移送司法机关处理。"),
        ("p", "第十二条　承保机构应当如实提供企业投保和保费缴纳数据。承保机构协助企业弄虚作假的，由市商务局予以通报，并建议金融监管部门依法处理。鼓励承保机构对我市外贸企业适当降低费率、扩大承保覆盖面、提高理赔效率，定期发布国别风险预警信息。"),
        ("h2", "第六章　附则"),
        ("p", "第十三条　本细则由市商务局、市财政局负责解释。"),
        ("p", "第十四条　本细则自2025年1月1日起施行，有效期2年。"),
        ("p", "政策咨询电话：0710-3512748（市商务局对外贸易科）"),
        ("sign", "襄阳市商务局　　襄阳市财政局"),
        ("date", "2024年12月20日"),
    ],
}

DOCS = [DOC7, DOC8, DOC9, DOC10, DOC11, DOC12]


def plain_text(doc):
    """All visible policy text (body + table cells), in reading order."""
    parts = []
    if "site" in doc:
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
# Renderers (adapted from the earlier evals/documents/build.py)
# ===========================================================================

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
            # mark header row as repeating table header
            trPr = t.rows[0]._tr.get_or_add_trPr()
            th = OxmlElement("w:tblHeader")
            th.set(qn("w:val"), "true")
            trPr.append(th)
            d.add_paragraph()
        else:
            raise ValueError(kind)

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
<meta name="SiteIDCode" content="{sitecode}">
<meta name="ColumnName" content="{column}">
<meta name="ColumnType" content="政务公开">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{pubtime}">
<meta name="ContentSource" content="{source}">
<meta name="Keywords" content="{keywords}">
<link rel="stylesheet" href="/images/common.css">
<style>
body{{margin:0;font-family:"Microsoft YaHei",SimSun,sans-serif;background:#f4f4f4;color:#333}}
.top{{background:{c1};color:#fff;padding:18px 0}}
.top .logo{{width:1200px;margin:0 auto;font-size:30px;font-weight:bold}}
.top .tools{{width:1200px;margin:0 auto;text-align:right;font-size:13px}}
.top .tools a{{color:#fff;margin-left:12px;text-decoration:none}}
.nav{{background:{c2}}}
.nav ul{{width:1200px;margin:0 auto;padding:0;list-style:none;display:flex}}
.nav li a{{display:block;color:#fff;padding:12px 30px;text-decoration:none;font-size:17px}}
.crumb{{width:1200px;margin:12px auto 0;font-size:14px;color:#666}}
.crumb a{{color:#666;text-decoration:none}}
.main{{width:1200px;margin:12px auto;display:flex}}
.side{{width:260px;background:#fff;margin-right:16px;padding:12px}}
.side h3{{border-bottom:2px solid {c1};padding-bottom:6px;font-size:16px}}
.side li{{font-size:14px;line-height:26px}}
.article{{flex:1;background:#fff;padding:24px 40px}}
.article h1{{text-align:center;font-size:24px;color:#000;line-height:1.6}}
.info{{text-align:center;color:#888;font-size:14px;border-bottom:1px dashed #ccc;padding-bottom:10px}}
.meta-box{{background:#f8f8f8;border:1px solid #e2e2e2;padding:8px 16px;font-size:14px;margin:14px 0}}
.meta-box li{{display:inline-block;width:45%;line-height:26px}}
.content p{{text-indent:2em;line-height:2;font-size:16px;margin:4px 0}}
.content p.issuer{{text-align:center;text-indent:0;color:#e60000;font-size:26px;font-weight:bold;letter-spacing:2px}}
.content p.wh,.content p.subtitle{{text-align:center;text-indent:0}}
.content p.wh{{border-bottom:2px solid #e60000;padding-bottom:8px}}
.content p.subtitle{{font-size:20px;font-weight:bold;margin:18px 0}}
.content p.right{{text-align:right}}
.content table{{border-collapse:collapse;margin:10px auto;width:96%}}
.content td,.content th{{border:1px solid #666;padding:6px 8px;font-size:15px;text-align:center}}
.content caption{{font-weight:bold;padding:6px}}
.share{{margin-top:24px;text-align:right;font-size:14px;color:#666}}
.share a{{margin-left:10px;color:{c1};cursor:pointer}}
.footer{{background:{c3};color:#e8e8e8;text-align:center;font-size:14px;line-height:28px;padding:16px 0}}
.footer a{{color:#fff;text-decoration:none}}
</style>
<script type="text/javascript">
var _hmt = _hmt || [];
(function() {{
  var hm = document.createElement("script");
  hm.src = "https://tongji.{domain}/stat.js?sid=gov{sitecode}";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
}})();
</script>
</head>
<body>
<div class="top">
  <div class="tools"><a href="/wza/">无障碍</a><a href="/app/">移动版</a><a href="/en/">English</a></div>
  <div class="logo">{site}</div>
</div>
<div class="nav">
  <ul>
    <li><a href="/">首页</a></li>
    <li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zwgk/zcwj/">政策文件</a></li>
    <li><a href="/zwgk/zcjd/">政策解读</a></li>
    <li><a href="/bsfw/">办事服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li>
  </ul>
</div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a> &gt; <a href="/zwgk/zcwj/bmwj/">{column}</a></div>
<div class="main">
  <div class="side">
    <h3>相关链接</h3>
    <ul class="related">
{related}
    </ul>
    <h3>热点专题</h3>
    <ul>
      <li><a href="/ztzl/yshj/">优化营商环境</a></li>
      <li><a href="/ztzl/hqzc/">惠企政策直通车</a></li>
      <li><a href="/hdjl/zxts/">我要咨询</a></li>
    </ul>
  </div>
  <div class="article">
    <div class="meta-box"><ul>
      <li>索 引 号：{index_no}</li>
      <li>发布机构：{source}</li>
      <li>发布日期：{pubdate}</li>
      <li>主题分类：{column}</li>
    </ul></div>
    <h1>{title}</h1>
    <div class="info">发布时间：{pubtime}　　来源：{source}　　浏览次数：<span id="hits">--</span>　　字号：<a onclick="setFont(18)">大</a> <a onclick="setFont(16)">中</a> <a onclick="setFont(14)">小</a></div>
    <div class="content" id="zoom">
{body}
    </div>
    <div class="share">分享到：<a onclick="shareTo('weixin')">微信</a><a onclick="shareTo('weibo')">微博</a>　<a onclick="window.print()">【打印本页】</a>　<a onclick="window.close()">【关闭窗口】</a></div>
  </div>
</div>
<div class="footer">
  <p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/wzsm/">网站声明</a> | <a href="/yszc/">隐私政策</a></p>
  <p>版权所有：{site}　主办单位：{host_office}　网站联系电话：{phone}</p>
  <p>ICP备案号：<a href="https://beian.miit.gov.cn/">{icp}</a>　<a href="http://www.beian.gov.cn/">{police}</a>　网站标识码：{sitecode}</p>
</div>
<script type="text/javascript">
function setFont(size) {{
  var ps = document.getElementById("zoom").getElementsByTagName("p");
  for (var i = 0; i < ps.length; i++) {{ ps[i].style.fontSize = size + "px"; }}
}}
function shareTo(target) {{
  var url = encodeURIComponent(location.href), title = encodeURIComponent(document.title);
  if (target === "weibo") {{ window.open("https://service.weibo.com/share/share.php?url=" + url + "&title=" + title); }}
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
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "issuer":
            body.append('      <p class="issuer">%s</p>' % e(b[1]))
        elif kind == "docno":
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
    related = "\n".join('      <li><a href="/zwgk/zcwj/%d.html">%s</a></li>' % (2310 + 7 * i, e(x))
                        for i, x in enumerate(site["related"]))
    c1, c2, c3 = site["theme"]
    html_text = HTML_TMPL.format(
        title=e(doc["title"]), column=site["column"], site=site["name"], domain=site["domain"],
        pubtime=site["pubtime"], pubdate=site["pubtime"][:10], source=site["source"],
        keywords=site["keywords"], related=related, body="\n".join(body),
        host_office=site["host_office"], phone=site["phone"], icp=site["icp"],
        police=site["police"], sitecode=site["sitecode"], index_no=site["index_no"],
        c1=c1, c2=c2, c3=c3)
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
    from reportlab.pdfgen.canvas import Canvas
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
        "p0": ParagraphStyle("p0", fontSize=11.5, leading=21, **base),
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
    first_p = True
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
            # salutation line (first paragraph) is not indented
            story.append(Paragraph(_html.escape(b[1]), st["p0" if first_p else "p"]))
            first_p = False
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
    for doc in DOCS:
        path = os.path.join(HERE, doc["file"])
        ext = doc["file"].rsplit(".", 1)[1]
        {"docx": build_docx, "html": build_html, "pdf": build_pdf}[ext](doc, path)
        print("built", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
