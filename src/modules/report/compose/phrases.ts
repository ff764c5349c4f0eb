// The words Accord writes in the report, in the six languages.
import type { ReportLanguage } from '../document/model.ts';
import type { ReportSectionId } from './index.ts';

export interface Phrases {
  title: string;
  subtitle: string;
  headings: Record<ReportSectionId, string>;
}

export const PHRASES: Record<ReportLanguage, Phrases> = {
  en: {
    title: 'Regional arrangements for the promotion and protection of human rights',
    subtitle: 'Report of the Secretary-General',
    headings: {
      introduction: 'Introduction',
      developments: 'Developments by region',
      cooperation: 'Cooperation with the Office of the United Nations High Commissioner for Human Rights',
      exchanges: 'Exchanges of information between United Nations and regional bodies',
      obstacles: 'Obstacles to ratification and strategies to overcome them',
      implementation: 'Implementation of the resolution',
      conclusions: 'Conclusions and recommendations',
    },
  },
  fr: {
    title: "Arrangements régionaux pour la promotion et la protection des droits de l'homme",
    subtitle: 'Rapport du Secrétaire général',
    headings: {
      introduction: 'Introduction',
      developments: 'Évolution par région',
      cooperation: "Coopération avec le Haut-Commissariat des Nations Unies aux droits de l'homme",
      exchanges: "Échanges d'informations entre les organes des Nations Unies et les organes régionaux",
      obstacles: 'Obstacles à la ratification et stratégies pour les surmonter',
      implementation: 'Application de la résolution',
      conclusions: 'Conclusions et recommandations',
    },
  },
  es: {
    title: 'Arreglos regionales para la promoción y protección de los derechos humanos',
    subtitle: 'Informe del Secretario General',
    headings: {
      introduction: 'Introducción',
      developments: 'Novedades por región',
      cooperation: 'Cooperación con la Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos',
      exchanges: 'Intercambio de información entre los órganos de las Naciones Unidas y los órganos regionales',
      obstacles: 'Obstáculos a la ratificación y estrategias para superarlos',
      implementation: 'Aplicación de la resolución',
      conclusions: 'Conclusiones y recomendaciones',
    },
  },
  ru: {
    title: 'Региональные механизмы поощрения и защиты прав человека',
    subtitle: 'Доклад Генерального секретаря',
    headings: {
      introduction: 'Введение',
      developments: 'Изменения по регионам',
      cooperation: 'Сотрудничество с Управлением Верховного комиссара Организации Объединенных Наций по правам человека',
      exchanges: 'Обмен информацией между органами Организации Объединенных Наций и региональными органами',
      obstacles: 'Препятствия для ратификации и стратегии их преодоления',
      implementation: 'Осуществление резолюции',
      conclusions: 'Выводы и рекомендации',
    },
  },
  zh: {
    title: '促进和保护人权的区域安排',
    subtitle: '秘书长的报告',
    headings: {
      introduction: '导言',
      developments: '各区域的发展情况',
      cooperation: '与联合国人权事务高级专员办事处的合作',
      exchanges: '联合国机构与区域机构之间的信息交流',
      obstacles: '批准方面的障碍和克服障碍的战略',
      implementation: '决议的执行情况',
      conclusions: '结论和建议',
    },
  },
  ar: {
    title: 'الترتيبات الإقليمية لتعزيز حقوق الإنسان وحمايتها',
    subtitle: 'تقرير الأمين العام',
    headings: {
      introduction: 'مقدمة',
      developments: 'التطورات حسب المنطقة',
      cooperation: 'التعاون مع مفوضية الأمم المتحدة السامية لحقوق الإنسان',
      exchanges: 'تبادل المعلومات بين هيئات الأمم المتحدة والهيئات الإقليمية',
      obstacles: 'العقبات التي تحول دون التصديق واستراتيجيات التغلب عليها',
      implementation: 'تنفيذ القرار',
      conclusions: 'الاستنتاجات والتوصيات',
    },
  },
};
