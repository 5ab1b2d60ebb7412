import { Token } from 'cdktf';
import { checkEntryPoints } from '../core/argument-checks';

/** The sizes API Gateway offers for a stage's cache cluster, in GB. */
const SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'];

/**
 * The size of a stage's cache cluster.
 */
export class CacheClusterSize {
  /** 0.5 GB */
  public static readonly GB_0_5 = new CacheClusterSize('0.5');
  /** 1.6 GB */
  public static readonly GB_1_6 = new CacheClusterSize('1.6');
  /** 6.1 GB */
  public static readonly GB_6_1 = new CacheClusterSize('6.1');
  /** 13.5 GB */
  public static readonly GB_13_5 = new CacheClusterSize('13.5');
  /** 28.4 GB */
  public static readonly GB_28_4 = new CacheClusterSize('28.4');
  /** 58.2 GB */
  public static readonly GB_58_2 = new CacheClusterSize('58.2');
  /** 118 GB */
  public static readonly GB_118 = new CacheClusterSize('118');
  /** 237 GB */
  public static readonly GB_237 = new CacheClusterSize('237');

  /** Every size API Gateway offers (a copy: changing it changes no check). */
  public static readonly ALLOWED_SIZES: string[] = [...SIZES];

  /**
   * A size given as text, e.g. from configuration: one of 0.5, 1.6, 6.1, 13.5, 28.4,
   * 58.2, 118, 237. Other values are rejected when the stage is created.
   */
  public static of(size: string): CacheClusterSize {
    return new CacheClusterSize(size);
  }

  private constructor(
    /** The size in GB, as API Gateway writes it. */
    public readonly size: string,
  ) {}

  /** Whether API Gateway offers this size (a token is taken on trust). */
  public get isOffered(): boolean {
    return Token.isUnresolved(this.size) || SIZES.includes(this.size);
  }
}

checkEntryPoints(CacheClusterSize);
